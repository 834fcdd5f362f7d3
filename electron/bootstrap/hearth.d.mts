/** Whether out/main/cli.js is newer than every file of the code it was built from. */
export function builtCliIsCurrent(): boolean;
