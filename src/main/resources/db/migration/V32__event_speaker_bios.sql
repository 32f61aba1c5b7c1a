-- Speaker pages: a short biography of each speaker.
ALTER TABLE speakers ADD COLUMN bio varchar(1000);
