-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "events_dropped" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lease_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "runtime_id" TEXT;

-- CreateIndex
CREATE INDEX "calls_status_lease_expires_at_idx" ON "calls"("status", "lease_expires_at");
