CREATE INDEX "cases_org_detected_idx" ON "cases" USING btree ("organisation_id","detected_at");--> statement-breakpoint
CREATE INDEX "cases_org_topic_detected_idx" ON "cases" USING btree ("organisation_id","topic","detected_at") WHERE topic is not null;--> statement-breakpoint
CREATE INDEX "cases_org_location_detected_idx" ON "cases" USING btree ("organisation_id","location","detected_at") WHERE location is not null;--> statement-breakpoint
CREATE INDEX "cases_org_author_idx" ON "cases" USING btree ("organisation_id","author");