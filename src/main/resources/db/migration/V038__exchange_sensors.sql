-- Live sensor streams of the exchange (issue 18, the regional information layer): a
-- dataset of machine data gets devices (each with its place and the owner of the device),
-- their channels with unit, an alarm rule and the indicator a channel feeds; readings as a
-- time series; alarms opened once when a rule trips, with who was told and when; and the
-- payloads that could not be read, counted per device.

create table exchange_sensor_device (
    id          bigint generated always as identity primary key,
    dataset_id  bigint not null references exchange_dataset (id) on delete cascade,
    code        text not null check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
    name        text not null check (char_length(name) between 1 and 200),
    area_code   text not null,
    owner       text not null check (char_length(owner) between 1 and 200),
    created_at  timestamptz not null default now(),
    created_by  text not null,
    unique (dataset_id, code)
);

create table exchange_sensor_channel (
    id           bigint generated always as identity primary key,
    device_id    bigint not null references exchange_sensor_device (id) on delete cascade,
    name         text not null check (name ~ '^[a-z0-9_]{1,40}$'),
    unit         text not null default '',
    -- The alarm rule: above or below a threshold for some minutes, a pump running longer
    -- than some minutes, or no reading for some minutes.
    rule_kind    text check (rule_kind in ('ABOVE', 'BELOW', 'RUNNING_LONGER', 'SILENT')),
    threshold    double precision,
    minutes      integer check (minutes between 0 and 100000),
    -- The indicator of the organisation the channel feeds, through the indicators module.
    indicator_id bigint,
    aggregation  text check (aggregation in ('ALARMS', 'MEAN', 'MAX')),
    per          text check (per in ('MONTH', 'YEAR')),
    unique (device_id, name),
    check (rule_kind is null or minutes is not null),
    check (rule_kind not in ('ABOVE', 'BELOW') or threshold is not null),
    check ((indicator_id is null) = (aggregation is null) and (aggregation is null) = (per is null))
);

-- One row per channel and time: a reading sent twice is stored once. Appended in time
-- order, so a BRIN index on the time is small and serves ranges of time.
create table exchange_sensor_reading (
    channel_id  bigint not null references exchange_sensor_channel (id) on delete cascade,
    measured_at timestamptz not null,
    value       double precision not null,
    received_at timestamptz not null default now(),
    primary key (channel_id, measured_at)
);
create index exchange_sensor_reading_time on exchange_sensor_reading using brin (measured_at);

create table exchange_sensor_alarm (
    id              bigint generated always as identity primary key,
    channel_id      bigint not null references exchange_sensor_channel (id) on delete cascade,
    rule_kind       text not null,
    threshold       double precision,
    minutes         integer not null,
    opened_at       timestamptz not null,
    value           double precision,
    acknowledged_at timestamptz,
    acknowledged_by text,
    closed_at       timestamptz,
    check ((acknowledged_at is null) = (acknowledged_by is null))
);
-- An alarm is opened once: at most one per channel is not closed.
create unique index exchange_sensor_alarm_open on exchange_sensor_alarm (channel_id) where closed_at is null;
create index exchange_sensor_alarm_opened on exchange_sensor_alarm (opened_at);

create table exchange_sensor_notification (
    id         bigint generated always as identity primary key,
    alarm_id   bigint not null references exchange_sensor_alarm (id) on delete cascade,
    recipient  text not null,
    channel    text not null check (channel in ('INBOX', 'LOG')),
    sent_at    timestamptz not null
);
create index exchange_sensor_notification_alarm on exchange_sensor_notification (alarm_id);

create table exchange_sensor_rejection (
    dataset_id  bigint not null references exchange_dataset (id) on delete cascade,
    device      text not null,
    count       bigint not null,
    last_reason text not null,
    last_at     timestamptz not null,
    primary key (dataset_id, device)
);
