/** Excel adapter figures: syncs and bytes per refresh, measured on the in-memory workbook. Filled in with the adapter bench. */
export async function benchAdapter(): Promise<void> {}
