import type { AppRecord, AppWithDraft } from "./app-record.types.js";
import type { AppVersion, AppVersionSummary } from "./app-version-records.js";
import type { PublishRequest } from "./publish-request-records.js";

/** The JSON the app routes answer with (timestamps as ISO 8601). */

export function appSummaryView(app: AppRecord): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    name: app.name,
    requiresFourEyes: app.requiresFourEyes,
    latestVersion: app.latestVersion,
    etag: app.etag,
    createdAt: app.createdAt.toISOString(),
    createdBy: app.createdBy,
    updatedAt: app.updatedAt.toISOString(),
    updatedBy: app.updatedBy,
    ...(app.deletedAt === null ? {} : { deletedAt: app.deletedAt.toISOString() }),
  };
}

export function appDraftView(app: AppWithDraft): Record<string, unknown> {
  return { ...appSummaryView(app), definition: app.draft };
}

export function versionSummaryView(version: AppVersionSummary): Record<string, unknown> {
  return {
    number: version.number,
    definitionHash: version.definitionHash,
    note: version.note,
    publishedBy: version.publishedBy,
    publishedAt: version.publishedAt.toISOString(),
    approvedBy: version.approvedBy,
  };
}

export function versionView(version: AppVersion): Record<string, unknown> {
  return { ...versionSummaryView(version), definition: version.definition };
}

export function publishRequestView(request: PublishRequest): Record<string, unknown> {
  return {
    id: request.id,
    status: request.status,
    note: request.note,
    definitionHash: request.definitionHash,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt.toISOString(),
    decidedBy: request.decidedBy,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    version: request.versionNumber,
  };
}
