-- The schema at the newest revision (4d5e6f7a8b9c), for databases created without running
-- the migrations (src/temp-databases.mjs). test/app.test.ts checks that it equals what
-- the migrations produce: update it together with each new revision.
CREATE TABLE "note" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "body" TEXT NOT NULL, "created_at" DATETIME DEFAULT (CURRENT_TIMESTAMP), "pinned" BOOLEAN NOT NULL DEFAULT 0);
CREATE TABLE "tag" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "label" VARCHAR(40) NOT NULL UNIQUE);
CREATE TABLE "note_tag" ("note_id" INTEGER NOT NULL REFERENCES "note" ("id") ON DELETE CASCADE, "tag_id" INTEGER NOT NULL REFERENCES "tag" ("id") ON DELETE CASCADE, PRIMARY KEY ("note_id", "tag_id"));
CREATE INDEX "ix_note_pinned" ON "note" ("pinned") WHERE pinned;
