/** The performance mark set once a workbook is read into memory, before the task pane opens it: where the bench starts timing the pane. */
export const WORKBOOK_OPENED = "playground:workbook-opened";
