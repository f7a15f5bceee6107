-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "recorded" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "flows" ADD COLUMN     "record_calls" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "recording_retention_days" INTEGER NOT NULL DEFAULT 30;
