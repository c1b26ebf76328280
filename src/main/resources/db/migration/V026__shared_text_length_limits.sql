-- Every text a user can write has a length limit in the database, by what the column
-- holds: codes and states 100 characters, names and titles 500, short notes 20,000, long
-- texts (bodies, descriptions, narratives) 1,000,000. A constraint is named
-- <table>__<column>__length so that a refusal names its field in the API (DatabaseRefusal).
-- The constraints are NOT VALID: rows written before this migration are left as they are,
-- every new or changed row is checked. Machine-written tables (audit, import runs, values,
-- edition HTML, sessions, notices) are checked by the code that writes them.
do $$
declare
    col record;
    max_length integer;
    constraint_name text;
begin
    for col in
        select c.table_name, c.column_name
        from information_schema.columns c
        join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
        where c.table_schema = current_schema()
          and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying')
          and c.table_name not in ('flyway_schema_history', 'spring_session', 'spring_session_attributes',
                                   'audit_event', 'indicators_import_run', 'indicators_value',
                                   'indicators_value_history', 'followup_notice', 'system_instance')
          and not (c.table_name = 'reports_edition' and c.column_name in ('html', 'error', 'phase'))
          and c.column_name <> 'password_hash'
    loop
        max_length := case
            when col.column_name in ('body', 'html', 'narrative', 'description', 'description_sv', 'description_en',
                                     'purpose', 'outputs', 'outcomes', 'expected_effects', 'preconditions',
                                     'consequences', 'guidance', 'background', 'outcome', 'next_steps', 'factors',
                                     'motivation', 'decision_note', 'actor_note', 'target_group_note',
                                     'geography_note', 'target_group', 'links')
                then 1000000
            when col.column_name in ('note', 'text', 'question', 'figures', 'speakers', 'alt_text', 'source_note',
                                     'goal_conflict', 'demo_note', 'numerator', 'denominator', 'path')
                then 20000
            when col.column_name in ('source_url', 'website')
                then 2000
            when col.column_name in ('code', 'kind', 'type', 'status', 'state', 'relation', 'role', 'source',
                                     'polarity', 'comparator', 'period', 'period_code', 'deadline',
                                     'baseline_period', 'area_code', 'parent_code', 'missing', 'level_code',
                                     'sdg_code', 'quadrant', 'effect', 'horizon', 'perspective', 'fulfilment',
                                     'decision', 'funding_source', 'media_type', 'source_ref', 'table_id',
                                     'organisation_number', 'username', 'created_by', 'updated_by', 'decided_by',
                                     'assessed_by', 'saved_by', 'frozen_by', 'published_by', 'started_by',
                                     'phone', 'unit')
                then 100
            else 500
        end;
        constraint_name := left(col.table_name || '__' || col.column_name || '__length', 63);
        execute format('alter table %I add constraint %I check (char_length(%I) <= %s) not valid',
                       col.table_name, constraint_name, col.column_name, max_length);
    end loop;
end
$$;
