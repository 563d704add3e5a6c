/** An app as the routes see it (from the `apps` table, plus its latest version number). */
export interface AppRecord {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly requiresFourEyes: boolean;
  readonly etag: string;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
  readonly deletedAt: Date | null;
  /** The highest published version, or null before the first publication. */
  readonly latestVersion: number | null;
}

/** An app with its draft definition. */
export interface AppWithDraft extends AppRecord {
  readonly draft: Record<string, unknown>;
}

/** Who changes something and when: the principal's user and the server's clock. */
export interface ChangeActor {
  readonly workspaceId: string;
  readonly userId: string;
  /** The audit log's actor string (`user:<id>` or `token:<id>`). */
  readonly actor: string;
  readonly requestId: string;
  readonly now: Date;
}
