/** Task pane figures: bundle sizes and time to the first summary in Chromium. Filled in with the browser bench. */
export async function benchPages(): Promise<void> {}
