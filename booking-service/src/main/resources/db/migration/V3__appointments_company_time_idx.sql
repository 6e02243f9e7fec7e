-- Listing a whole company's appointments by start time (no branch, staff or customer filter) pages along this
-- index instead of sorting every row of the company.
create index appointments_company_time_idx on appointments (company_id, starts_at, id);
