-- Online petitions (网上信访): letters of channel 'petition' (the column is in V8). A petition goes
-- through the mailbox's own pipeline (triage, dispatch, reply, rating) with its own statutory
-- clock; what it adds to a letter is the petitioner's request (信访请求). The facts and reasons are
-- the letter's body and the petitioned organ is the mailbox written to.
ALTER TABLE mailbox_letter ADD COLUMN petition_request VARCHAR(500);
ALTER TABLE mailbox_letter ADD CONSTRAINT mailbox_letter_petition_request
    CHECK ((channel = 'petition') = (petition_request IS NOT NULL));
-- Petitions are never published: petitioners' matters are confidential (信访工作条例), and the
-- schema keeps it so whatever the code does.
ALTER TABLE mailbox_letter ADD CONSTRAINT mailbox_letter_petition_private
    CHECK (channel <> 'petition' OR (NOT consent_to_publish AND NOT published));
-- Supervision of one channel's open cases past their due date.
CREATE INDEX mailbox_letter_channel_due_idx ON mailbox_letter (channel, due_on) WHERE status IN ('received', 'accepted', 'handling');
