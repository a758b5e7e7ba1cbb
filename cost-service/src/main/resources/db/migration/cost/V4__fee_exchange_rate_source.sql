-- AnnualFeeSet revision 2 says where a foreign fee's rate came from: STATED (given, SEK computed)
-- or IMPLIED (the SEK amount given beside the original). Fees applied before knew only stated rates.
alter table annual_fee add column exchange_rate_source text;
update annual_fee set exchange_rate_source = 'STATED' where exchange_rate is not null;
