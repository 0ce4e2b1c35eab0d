-- lint-test: tx=none
-- PostgreSQL counts an error's position in characters, not bytes: the
-- multibyte letters above the error must not pull it up a line or two.
COMMENT ON TABLE t IS 'Ünïcödé ëvërÿwhërë: ñàïvë çàfé, ßtrâßë, ÿëllöw, ÉÈÊË ÀÂÄ ÎÏ ÔÖ ÙÛÜ';
COMMENT ON TABLE u IS 'Ελληνικά και Русский текст и 日本語のテキスト、中文文本';
SELECT 1 FROM WHERE; -- expect: syntax-error
