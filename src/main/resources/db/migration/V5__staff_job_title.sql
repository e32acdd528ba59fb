-- An official's job title (副局长, 处长 …), shown with their answers in live inquiry.
ALTER TABLE app_user ADD COLUMN job_title VARCHAR(50);
