ALTER TABLE "channel_accounts" ADD COLUMN "last_error_key" text;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD COLUMN "last_error_params" jsonb;--> statement-breakpoint
ALTER TABLE "publication_outbox" ADD COLUMN "last_error_key" text;--> statement-breakpoint
ALTER TABLE "publication_outbox" ADD COLUMN "last_error_params" jsonb;