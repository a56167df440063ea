-- Login lockout (docs/security.md): failed logins counted on the user row, so every node sees the same count.
-- failed_logins restarts at 0 when the account is locked and after a successful login.
alter table users add column failed_logins integer not null default 0;
alter table users add column locked_until timestamp with time zone;
