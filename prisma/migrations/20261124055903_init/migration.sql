-- CreateEnum
CREATE TYPE "version_kind" AS ENUM ('published', 'snapshot');

-- CreateEnum
CREATE TYPE "call_mode" AS ENUM ('livekit', 'local');

-- CreateEnum
CREATE TYPE "call_status" AS ENUM ('pending', 'active', 'ended', 'failed');

-- CreateTable
CREATE TABLE "flows" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "draft" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "version_count" INTEGER NOT NULL DEFAULT 0,
    "live_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "flows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flow_versions" (
    "id" UUID NOT NULL,
    "flow_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "version_kind" NOT NULL,
    "spec" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flow_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calls" (
    "id" UUID NOT NULL,
    "flow_version_id" UUID NOT NULL,
    "mode" "call_mode" NOT NULL,
    "room" TEXT,
    "status" "call_status" NOT NULL DEFAULT 'pending',
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_events" (
    "call_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "t" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("call_id","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "flows_live_version_id_key" ON "flows"("live_version_id");

-- CreateIndex
CREATE INDEX "flows_updated_at_idx" ON "flows"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "flow_versions_flow_id_number_key" ON "flow_versions"("flow_id", "number");

-- CreateIndex
CREATE INDEX "calls_flow_version_id_created_at_idx" ON "calls"("flow_version_id", "created_at");

-- AddForeignKey
ALTER TABLE "flows" ADD CONSTRAINT "flows_live_version_id_fkey" FOREIGN KEY ("live_version_id") REFERENCES "flow_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flow_versions" ADD CONSTRAINT "flow_versions_flow_id_fkey" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_flow_version_id_fkey" FOREIGN KEY ("flow_version_id") REFERENCES "flow_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
