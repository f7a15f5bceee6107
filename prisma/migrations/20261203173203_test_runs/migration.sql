-- CreateTable
CREATE TABLE "test_runs" (
    "id" UUID NOT NULL,
    "flow_version_id" UUID NOT NULL,
    "passed" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "results" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "test_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "test_runs_flow_version_id_created_at_idx" ON "test_runs"("flow_version_id", "created_at");

-- AddForeignKey
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_flow_version_id_fkey" FOREIGN KEY ("flow_version_id") REFERENCES "flow_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
