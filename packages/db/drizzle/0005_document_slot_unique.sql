-- One document slot per owner and kind. Before this index, two simultaneous first uploads of one
-- kind could each open a slot; merge any such duplicates into the oldest slot of their group first,
-- so the index can be created on a database with existing data. Nothing is lost: every file version
-- moves to the surviving slot (renumbered 1..n in upload order), the slot takes the review state of
-- the slot that received the newest file, and every reference to a merged slot is re-pointed.
CREATE TEMP TABLE "document_slot_merge" AS
SELECT "id" AS "loser_id", "keeper_id"
FROM (
	SELECT "id", first_value("id") OVER (PARTITION BY "owner_type", "owner_id", "kind" ORDER BY "created_at", "id") AS "keeper_id"
	FROM "documents"
) "slots"
WHERE "id" <> "keeper_id";
--> statement-breakpoint
CREATE TEMP TABLE "document_slot_versions" AS
SELECT "v"."id", "v"."document_id" AS "from_document_id", "g"."keeper_id",
	row_number() OVER (PARTITION BY "g"."keeper_id" ORDER BY "v"."created_at", "v"."version", "v"."id")::integer AS "new_version"
FROM "document_versions" "v"
JOIN (
	SELECT "loser_id" AS "document_id", "keeper_id" FROM "document_slot_merge"
	UNION
	SELECT "keeper_id", "keeper_id" FROM "document_slot_merge"
) "g" ON "g"."document_id" = "v"."document_id";
--> statement-breakpoint
-- Park the group's versions on negative numbers first, so renumbering never meets (document_id, version) twice.
UPDATE "document_versions" SET "version" = -"version"
WHERE "id" IN (SELECT "id" FROM "document_slot_versions");
--> statement-breakpoint
UPDATE "document_versions" "v" SET "document_id" = "s"."keeper_id", "version" = "s"."new_version"
FROM "document_slot_versions" "s"
WHERE "v"."id" = "s"."id";
--> statement-breakpoint
UPDATE "documents" "d" SET
	"current_version" = "latest"."new_version",
	"status" = "src"."status",
	"notes" = "src"."notes",
	"verified_by_user_id" = "src"."verified_by_user_id",
	"verified_at" = "src"."verified_at",
	"version" = "d"."version" + 1,
	"updated_at" = now()
FROM (
	SELECT DISTINCT ON ("keeper_id") "keeper_id", "from_document_id", "new_version"
	FROM "document_slot_versions"
	ORDER BY "keeper_id", "new_version" DESC
) "latest"
JOIN "documents" "src" ON "src"."id" = "latest"."from_document_id"
WHERE "d"."id" = "latest"."keeper_id";
--> statement-breakpoint
UPDATE "upload_intents" "u" SET "document_id" = "m"."keeper_id"
FROM "document_slot_merge" "m" WHERE "u"."document_id" = "m"."loser_id";
--> statement-breakpoint
UPDATE "certifications" "c" SET "document_id" = "m"."keeper_id"
FROM "document_slot_merge" "m" WHERE "c"."document_id" = "m"."loser_id";
--> statement-breakpoint
UPDATE "lots" "l" SET "report_document_id" = "m"."keeper_id"
FROM "document_slot_merge" "m" WHERE "l"."report_document_id" = "m"."loser_id";
--> statement-breakpoint
UPDATE "kyc_records" "k" SET "document_ids" = (
	SELECT coalesce(jsonb_agg(DISTINCT coalesce("m"."keeper_id"::text, "e"."id")), '[]'::jsonb)
	FROM jsonb_array_elements_text("k"."document_ids") "e"("id")
	LEFT JOIN "document_slot_merge" "m" ON "m"."loser_id"::text = "e"."id"
)
WHERE EXISTS (
	SELECT 1 FROM jsonb_array_elements_text("k"."document_ids") "e"("id")
	JOIN "document_slot_merge" "m" ON "m"."loser_id"::text = "e"."id"
);
--> statement-breakpoint
DELETE FROM "documents" WHERE "id" IN (SELECT "loser_id" FROM "document_slot_merge");
--> statement-breakpoint
DROP TABLE "document_slot_versions";
--> statement-breakpoint
DROP TABLE "document_slot_merge";
--> statement-breakpoint
DROP INDEX "documents_owner_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "documents_slot_unique" ON "documents" USING btree ("owner_type","owner_id","kind");
