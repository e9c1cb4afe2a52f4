-- Scopes an API key grants (space-separated). Null: the inference scopes every key had before.
alter table api_keys add column scopes text;
