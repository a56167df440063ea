-- Scan jobs (docs/jobs.md): db-scheduler's execution table, what each queued scan reads, uploads
-- every node can read, and the installation secret when none is configured.
-- Portable SQL: runs unchanged on H2 2.x (embedded default) and PostgreSQL 15+; key columns are varchar, not text (H2).

-- db-scheduler 16's table (its PostgreSQL schema, with varchar keys so H2 can index them)
create table scheduled_tasks (
    task_name             varchar(100)  not null,
    task_instance         varchar(200)  not null,
    task_data             bytea,
    execution_time        timestamp with time zone not null,
    picked                boolean       not null,
    picked_by             varchar(200),
    last_success          timestamp with time zone,
    last_failure          timestamp with time zone,
    consecutive_failures  integer,
    last_heartbeat        timestamp with time zone,
    version               bigint        not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority_time on scheduled_tasks (priority desc, execution_time asc);

-- what a queued scan reads; one row per scan, deleted with it. A database password is stored only
-- encrypted (AES-GCM, key derived from the installation secret), never in plain text.
create table scan_jobs (
    scan_id            bigint        primary key,
    organisation_id    bigint        not null,
    owner_id           bigint        references users (id) on delete set null,
    source             varchar(16)   not null,   -- UPLOAD, PATH or DATABASE
    path               varchar(4000),            -- PATH: the server path (inside an allowed root)
    db_url             varchar(2000),            -- DATABASE: JDBC URL as given (a password in it is refused)
    db_user            varchar(200),
    db_password_enc    varchar(1000),            -- base64(iv || AES-GCM ciphertext)
    db_mode            varchar(16),
    attempts           integer       not null default 0,
    created_at         timestamp with time zone not null,
    constraint ck_scan_jobs_source check (source in ('UPLOAD', 'PATH', 'DATABASE')),
    constraint fk_scan_jobs_scan foreign key (organisation_id, scan_id) references scans (organisation_id, id) on delete cascade
);

-- uploaded files in 1 MiB chunks, readable from every node; deleted when the scan ends
create table scan_uploads (
    scan_id     bigint        not null,
    file_no     integer       not null,
    chunk_no    integer       not null,
    file_name   varchar(500)  not null,
    data        bytea         not null,
    primary key (scan_id, file_no, chunk_no),
    constraint fk_scan_uploads_job foreign key (scan_id) references scan_jobs (scan_id) on delete cascade
);

-- the installation secret (fingerprint and credential keys derive from it) when dataguardian.secret is not set
create table installation_secret (
    id          integer       primary key,
    secret      varchar(100)  not null,
    created_at  timestamp with time zone not null,
    constraint ck_installation_secret_single check (id = 1)
);

-- queue counts: a user's queued and running scans, the queue in order
create index ix_scans_owner_status on scans (owner_id, status);
create index ix_scans_status_created on scans (status, created_at, id);
