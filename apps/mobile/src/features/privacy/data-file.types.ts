/** The outcome of asking the person for a file to import. */
export type PickedFile = { kind: 'picked'; name: string; text: string } | { kind: 'cancelled' };
