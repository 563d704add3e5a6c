import { defineManifest } from "@finwright/runtime/engine";
import { rowsSchema } from "../shared/schema-fragments.js";
import { tableColumnSchema } from "./table-columns.js";

const sortSchema = {
  type: "object",
  required: ["key", "direction"],
  additionalProperties: false,
  properties: {
    key: { description: "The column key sorted by.", type: "string", minLength: 1 },
    direction: { description: "Ascending or descending.", enum: ["asc", "desc"] },
  },
} as const;

/** A data grid over rows from a query: search, sort, paging, selection and CSV export built in. */
export const tableManifest = defineManifest({
  type: "Table",
  version: 1,
  label: "Table",
  category: "data",
  icon: "table",
  description:
    "Shows rows of data, usually {{ queries.<id>.data }}, with search, sorting, paging, row selection and CSV export. Without columns it shows every field of the first row.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      data: {
        description: "The rows: an array of objects, usually bound to a query, e.g. {{ queries.accounts.data }}.",
        ...rowsSchema,
        "x-editor": "binding",
        "x-group": "Data",
        "x-label": "Data",
      },
      columns: {
        description: "Which fields to show, in order, and how. Empty shows every field of the first row as text.",
        type: "array",
        items: tableColumnSchema,
        maxItems: 100,
        "x-editor": "columns",
        "x-group": "Data",
        "x-label": "Columns",
      },
      rowKey: {
        description: "Field that identifies a row, so selection survives refreshes and re-sorting.",
        type: "string",
        minLength: 1,
        maxLength: 200,
        default: "id",
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Row key",
      },
      pageSize: {
        description: "Rows per page; 0 shows all rows in one scrolling list.",
        type: "integer",
        minimum: 0,
        maximum: 1000,
        default: 20,
        "x-editor": "number",
        "x-group": "Behaviour",
        "x-label": "Rows per page",
      },
      searchable: {
        description: "Show a search box that filters rows by any visible column.",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Search box",
      },
      sortable: {
        description: "Let users sort by clicking column headers (each column can override it).",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Sortable",
      },
      defaultSort: {
        description: "The order rows start in; the order of the data when empty.",
        ...sortSchema,
        "x-editor": "json",
        "x-group": "Behaviour",
        "x-label": "Default sort",
      },
      selection: {
        description: "Whether users can select no rows, one row or several rows (with checkboxes).",
        enum: ["none", "single", "multi"],
        default: "single",
        "x-editor": "enum",
        "x-group": "Behaviour",
        "x-label": "Row selection",
      },
      csvExport: {
        description: "Show a button that downloads the filtered rows as CSV (money amounts exported exactly).",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "CSV export",
      },
      virtualised: {
        description: "Render only the rows in view; turn on for thousands of rows without paging.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Virtualised rows",
      },
      loading: {
        description: "Show a loading state, e.g. {{ queries.accounts.isLoading }}.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Data",
        "x-label": "Loading",
      },
      emptyText: {
        description: "Message shown when there are no rows.",
        type: "string",
        maxLength: 300,
        default: "No data",
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Empty message",
      },
      density: {
        description: "Row height: compact fits more rows, comfortable is easier to read.",
        enum: ["compact", "comfortable"],
        default: "comfortable",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Density",
      },
      striped: {
        description: "Shade every other row.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Style",
        "x-label": "Striped rows",
      },
      height: {
        description: "Fixed height in pixels, scrolling inside; grows with its rows when empty.",
        type: "integer",
        minimum: 100,
        maximum: 4000,
        "x-editor": "number",
        "x-group": "Layout",
        "x-label": "Height (px)",
      },
    },
  },
  // Sample rows so a freshly dropped table shows what it does; users bind data to a query.
  defaults: {
    data: [
      { id: "1", name: "Acme Ltd", balance: { amount: "12500.00", currency: "GBP" }, status: "Active" },
      { id: "2", name: "Globex plc", balance: { amount: "-320.50", currency: "GBP" }, status: "Overdrawn" },
      { id: "3", name: "Initech LLP", balance: { amount: "980.00", currency: "EUR" }, status: "Dormant" },
    ],
    columns: [
      { key: "name", label: "Name", type: "text" },
      { key: "balance", label: "Balance", type: "money" },
      { key: "status", label: "Status", type: "status", tones: { Active: "success", Overdrawn: "danger", Dormant: "neutral" } },
    ],
    rowKey: "id",
    pageSize: 20,
    searchable: true,
    selection: "single",
  },
  children: false,
  events: {
    rowClick: {
      label: "Row click",
      description: "The user clicked a row (event.row, event.rowIndex).",
      payload: {
        type: "object",
        required: ["row", "rowIndex"],
        properties: {
          row: { type: "object" },
          rowIndex: { description: "Position in the filtered, sorted rows.", type: "integer", minimum: 0 },
        },
      },
    },
    selectionChange: {
      label: "Selection change",
      description: "The selected rows changed (event.selectedRows, event.selectedRow).",
      payload: {
        type: "object",
        required: ["selectedRows"],
        properties: { selectedRows: rowsSchema, selectedRow: { type: ["object", "null"] } },
      },
    },
    sort: {
      label: "Sort",
      description: "The user sorted by a column (event.sortBy), e.g. to sort on the server.",
      payload: { type: "object", required: ["sortBy"], properties: { sortBy: { anyOf: [sortSchema, { type: "null" }] } } },
    },
    search: {
      label: "Search",
      description: "The search text changed (event.searchText), e.g. to search on the server.",
      payload: { type: "object", required: ["searchText"], properties: { searchText: { type: "string" } } },
    },
    pageChange: {
      label: "Page change",
      description: "The user went to another page (event.page, from 0).",
      payload: { type: "object", required: ["page"], properties: { page: { type: "integer", minimum: 0 } } },
    },
  },
  exposes: {
    selectedRow: {
      description: "The selected row (the first one in multi selection), or null.",
      schema: { type: ["object", "null"] },
      derivedFrom: ["data", "rowKey"],
    },
    selectedRows: {
      description: "Every selected row, in table order.",
      schema: rowsSchema,
      derivedFrom: ["data", "rowKey"],
    },
    filteredData: {
      description: "The rows after search and sorting, across all pages; what CSV export downloads.",
      schema: rowsSchema,
      derivedFrom: ["data", "columns", "defaultSort"],
    },
    page: { description: "The page shown, from 0.", schema: { type: "integer", minimum: 0 } },
    searchText: { description: "The text in the search box.", schema: { type: "string" } },
    sortBy: {
      description: "The current sort ({ key, direction }), or null for the data's own order.",
      schema: { anyOf: [sortSchema, { type: "null" }] },
      derivedFrom: ["defaultSort"],
    },
  },
});
