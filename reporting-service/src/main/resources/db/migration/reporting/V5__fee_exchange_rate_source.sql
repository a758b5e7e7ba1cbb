-- AnnualFeeSet version 2 says where a foreign fee's rate came from. Fees in the kept views were
-- applied from version 1, which knew only stated rates: they read as a replay of the same events
-- reads them (a rate is STATED, no rate has no source), so live and replayed states stay equal.
update forum_view
set state = jsonb_set(
    state,
    '{fees}',
    (select jsonb_agg(
              case when jsonb_typeof(f -> 'exchangeRate') = 'number'
                   then f || '{"exchangeRateSource": "STATED"}'::jsonb
                   else f || '{"exchangeRateSource": null}'::jsonb end
              order by ordinality)
       from jsonb_array_elements(state -> 'fees') with ordinality as e(f, ordinality)))
where jsonb_typeof(state -> 'fees') = 'array'
  and jsonb_array_length(state -> 'fees') > 0
  and exists (select 1 from jsonb_array_elements(state -> 'fees') f where not f ? 'exchangeRateSource');
