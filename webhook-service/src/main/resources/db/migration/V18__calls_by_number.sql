-- A caller's calls, for the export of their data (GDPR Art. 15): the company's calls from one number.
create index if not exists calls_from_number_idx on calls (company_id, from_number) where from_number is not null;
