import action from "../json/action-1.json" with { type: "json" };
import app from "../json/app-1.json" with { type: "json" };
import common from "../json/common-1.json" with { type: "json" };
import componentNode from "../json/component-node-1.json" with { type: "json" };
import connection from "../json/connection-1.json" with { type: "json" };
import money from "../json/money-1.json" with { type: "json" };
import page from "../json/page-1.json" with { type: "json" };
import query from "../json/query-1.json" with { type: "json" };
import role from "../json/role-1.json" with { type: "json" };
import state from "../json/state-1.json" with { type: "json" };
import theme from "../json/theme-1.json" with { type: "json" };
import workflow from "../json/workflow-1.json" with { type: "json" };

/** Base of every published schema `$id`. */
export const SCHEMA_BASE_URL = "https://finwright.dev/schemas/";
export const APP_SCHEMA_ID = `${SCHEMA_BASE_URL}app-1.json`;
export const MONEY_SCHEMA_ID = `${SCHEMA_BASE_URL}money-1.json`;

/** Every published JSON Schema of definition v1: the root app schema and its parts. */
export const definitionSchemas = [app, page, componentNode, action, query, connection, state, workflow, role, theme, money, common] as const;
