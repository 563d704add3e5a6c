/**
 * @finwright/components/manifests: the React-free half of the built-in library.
 * The server and CLI validate props with these without loading any render code.
 */
import type { ComponentManifest } from "@finwright/runtime/engine";
import { chartManifest } from "./data/chart.manifest.js";
import { tableManifest } from "./data/table.manifest.js";
import { badgeManifest } from "./display/badge.manifest.js";
import { headingManifest } from "./display/heading.manifest.js";
import { statisticManifest } from "./display/statistic.manifest.js";
import { textManifest } from "./display/text.manifest.js";
import { buttonManifest } from "./inputs/button.manifest.js";
import { checkboxManifest } from "./inputs/checkbox.manifest.js";
import { datePickerManifest } from "./inputs/date-picker.manifest.js";
import { formManifest } from "./inputs/form.manifest.js";
import { ibanInputManifest } from "./inputs/iban-input.manifest.js";
import { moneyInputManifest } from "./inputs/money-input.manifest.js";
import { numberInputManifest } from "./inputs/number-input.manifest.js";
import { selectManifest } from "./inputs/select.manifest.js";
import { sortCodeInputManifest } from "./inputs/sort-code-input.manifest.js";
import { textInputManifest } from "./inputs/text-input.manifest.js";
import { cardManifest } from "./layout/card.manifest.js";
import { gridManifest } from "./layout/grid.manifest.js";
import { modalManifest } from "./layout/modal.manifest.js";
import { stackManifest } from "./layout/stack.manifest.js";
import { tabsManifest } from "./layout/tabs.manifest.js";
import { approvalPanelManifest } from "./workflow/approval-panel.manifest.js";
import { taskInboxManifest } from "./workflow/task-inbox.manifest.js";

export {
  stackManifest,
  gridManifest,
  cardManifest,
  tabsManifest,
  modalManifest,
  textManifest,
  headingManifest,
  statisticManifest,
  badgeManifest,
  tableManifest,
  chartManifest,
  buttonManifest,
  formManifest,
  textInputManifest,
  numberInputManifest,
  moneyInputManifest,
  selectManifest,
  datePickerManifest,
  checkboxManifest,
  ibanInputManifest,
  sortCodeInputManifest,
  taskInboxManifest,
  approvalPanelManifest,
};

/** Every built-in component, in palette order (by category, then most used first). */
export const builtinManifests: readonly ComponentManifest[] = [
  stackManifest,
  gridManifest,
  cardManifest,
  tabsManifest,
  modalManifest,
  textManifest,
  headingManifest,
  statisticManifest,
  badgeManifest,
  tableManifest,
  chartManifest,
  buttonManifest,
  formManifest,
  textInputManifest,
  numberInputManifest,
  moneyInputManifest,
  selectManifest,
  datePickerManifest,
  checkboxManifest,
  ibanInputManifest,
  sortCodeInputManifest,
  taskInboxManifest,
  approvalPanelManifest,
];

/** The built-in library as the server lists it; third-party libraries have the same shape. */
export const builtinLibrary = {
  name: "finwright",
  version: "0.1.0",
  manifests: builtinManifests,
} as const;
