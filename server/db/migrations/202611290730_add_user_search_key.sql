-- Diacritics-insensitive search on user names ("nguyen van" finds "Nguyễn Văn An").
-- The same folding as foldVietnamese in common/text.ts (NFD, drop combining marks, đ and its look-alike ð → d, lower case, collapsed
-- spaces), so a query folded in JS matches a key folded here. Kept as a generated column rather than written by the
-- users repository: every insert (factories, the demo, the CLI, future imports) gets a correct key for free.
CREATE FUNCTION fold_vietnamese(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN btrim(regexp_replace(
    lower(translate(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐðÐ', 'dDdD')),
    '\s+', ' ', 'g'));

ALTER TABLE app_user
  ADD COLUMN search_key text GENERATED ALWAYS AS (fold_vietnamese(username || ' ' || full_name)) STORED;
CREATE INDEX app_user_search_trgm ON app_user USING gin (search_key gin_trgm_ops);
