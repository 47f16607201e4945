"""Versioned schema: each migration is one SQL script, applied in order, in one transaction.

``PRAGMA user_version`` records the version. A database with a higher version than
:data:`LATEST` came from a newer app and is refused, never altered.

To change the schema, append a new script; never edit one that has shipped.
"""

from __future__ import annotations

# Version 1: the OFN snapshot (what a pull or the demo generator writes) and settings.
V1 = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
);

CREATE TABLE hub (
    id        INTEGER PRIMARY KEY, -- OFN enterprise (distributor) id
    name      TEXT NOT NULL,
    currency  TEXT NOT NULL,       -- ISO 4217
    locale    TEXT NOT NULL,       -- e.g. en_GB, fr_CH
    timezone  TEXT NOT NULL,       -- IANA name
    ofn_url   TEXT NOT NULL DEFAULT '',
    is_demo   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE order_cycles (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    opens_at  TEXT,
    closes_at TEXT
);

CREATE TABLE pickup_points (      -- OFN shipping methods without a ship address
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE producers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY, -- OFN customer id
    code       TEXT,
    first_name TEXT NOT NULL DEFAULT '',
    last_name  TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    tags       TEXT NOT NULL DEFAULT '[]'  -- JSON list
);
CREATE INDEX customers_code ON customers(code);

CREATE TABLE orders (
    id                   INTEGER PRIMARY KEY,  -- OFN order id
    number               TEXT NOT NULL UNIQUE, -- R + digits
    hub_id               INTEGER NOT NULL REFERENCES hub(id),
    order_cycle_id       INTEGER REFERENCES order_cycles(id),
    pickup_point_id      INTEGER REFERENCES pickup_points(id),
    customer_id          INTEGER REFERENCES customers(id),
    customer_code        TEXT,                 -- denormalised for the scan path
    customer_name        TEXT NOT NULL DEFAULT '',
    customer_sort_name   TEXT NOT NULL DEFAULT '', -- "Last, First" as OFN gives it
    name_key             TEXT NOT NULL DEFAULT '', -- folded sort name, for prefix search
    email                TEXT NOT NULL DEFAULT '',
    phone                TEXT NOT NULL DEFAULT '',
    state                TEXT NOT NULL,
    payment_state        TEXT,
    shipment_state       TEXT,
    item_total           INTEGER NOT NULL,     -- minor units
    adjustment_total     INTEGER NOT NULL,
    payment_total        INTEGER NOT NULL,
    total                INTEGER NOT NULL,
    outstanding          INTEGER NOT NULL,     -- total - payment_total
    currency             TEXT NOT NULL,
    special_instructions TEXT NOT NULL DEFAULT '',
    completed_at         TEXT,                 -- UTC ISO-8601
    ready_to_capture     INTEGER NOT NULL DEFAULT 0,
    raw_json             TEXT NOT NULL DEFAULT '{}', -- as OFN sent it, for audit
    fetched_at           TEXT NOT NULL          -- UTC, when this copy was written
);
CREATE INDEX orders_code ON orders(customer_code COLLATE NOCASE);
CREATE INDEX orders_name_key ON orders(name_key);
CREATE INDEX orders_pickup ON orders(pickup_point_id, name_key);
CREATE INDEX orders_cycle ON orders(order_cycle_id);

CREATE TABLE line_items (
    id            INTEGER PRIMARY KEY,  -- OFN line item id
    order_id      INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    producer_id   INTEGER REFERENCES producers(id),
    variant_id    INTEGER,
    product_name  TEXT NOT NULL,
    variant_name  TEXT NOT NULL DEFAULT '',
    sku           TEXT NOT NULL DEFAULT '',
    quantity      INTEGER NOT NULL,
    unit_price    INTEGER NOT NULL,     -- minor units per variant
    variant_unit  TEXT NOT NULL DEFAULT 'items', -- weight | volume | items
    unit_value    TEXT,                 -- Decimal as text (grams, ml, count)
    final_weight  TEXT,                 -- Decimal as text, same unit as unit_value
    chilled       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX line_items_order ON line_items(order_id, position);
CREATE INDEX line_items_producer ON line_items(producer_id);

CREATE TABLE order_payments (         -- payments as OFN lists them on the order
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    amount   INTEGER NOT NULL,
    method   TEXT NOT NULL,
    state    TEXT NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Search: folded (accent- and case-free) text per order; rowid = orders.id.
CREATE VIRTUAL TABLE order_search USING fts5(
    number, code, name, email, phone, products,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '@.'",
    prefix = '1 2 3'
);

"""

# Version 2: what happens at the till: local events, sync intent, printing, audit.
V2 = """
-- Local events -------------------------------------------------------------------
CREATE TABLE till_sessions (
    id              TEXT PRIMARY KEY,     -- UUID
    till_id         TEXT NOT NULL,
    number          INTEGER NOT NULL,     -- per till, 1, 2, ...
    pickup_point_id INTEGER REFERENCES pickup_points(id),
    volunteer       TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    float_amount    INTEGER NOT NULL,
    closed_at       TEXT,
    closed_by       TEXT,
    expected_cash   INTEGER,
    counted_cash    INTEGER,
    difference      INTEGER,
    denominations   TEXT,                 -- JSON {"2000": 3, ...}
    close_note      TEXT NOT NULL DEFAULT '',
    UNIQUE (till_id, number)
);
CREATE UNIQUE INDEX one_open_session_per_till ON till_sessions(till_id) WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
    id         TEXT PRIMARY KEY,          -- UUID
    session_id TEXT NOT NULL REFERENCES till_sessions(id),
    amount     INTEGER NOT NULL,          -- + cash in, - cash out
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

-- One row per checkout: an order collected, a walk-in sale, or the reversal of either.
CREATE TABLE checkouts (
    id              TEXT PRIMARY KEY,     -- UUID made by the till
    receipt_no      TEXT NOT NULL UNIQUE, -- till + sequence, e.g. "T1-000042"
    kind            TEXT NOT NULL CHECK (kind IN ('collection', 'walk_in', 'reversal')),
    order_id        INTEGER REFERENCES orders(id),
    reverses_id     TEXT REFERENCES checkouts(id),
    reversed_at     TEXT,                 -- set when a reversal event exists
    session_id      TEXT REFERENCES till_sessions(id),
    till_id         TEXT NOT NULL,
    volunteer       TEXT NOT NULL,
    pickup_point_id INTEGER REFERENCES pickup_points(id),
    created_at      TEXT NOT NULL,
    currency        TEXT NOT NULL,
    goods_total     INTEGER NOT NULL DEFAULT 0, -- items handed over, after missing/weights
    fees_total      INTEGER NOT NULL DEFAULT 0,
    credit_amount   INTEGER NOT NULL DEFAULT 0, -- value of missing items owed back
    amount_due      INTEGER NOT NULL DEFAULT 0, -- owed at the till before payment
    amount_paid     INTEGER NOT NULL DEFAULT 0, -- applied payments
    change_given    INTEGER NOT NULL DEFAULT 0,
    left_owing      INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL DEFAULT '',   -- reason for owing / reversal
    UNIQUE (reverses_id)
);
CREATE UNIQUE INDEX one_live_collection_per_order
    ON checkouts(order_id) WHERE kind = 'collection' AND reversed_at IS NULL;
CREATE INDEX checkouts_session ON checkouts(session_id);

CREATE TABLE checkout_lines (
    id              INTEGER PRIMARY KEY,
    checkout_id     TEXT NOT NULL REFERENCES checkouts(id),
    line_item_id    INTEGER REFERENCES line_items(id), -- NULL for walk-in free items
    variant_id      INTEGER,
    producer_id     INTEGER REFERENCES producers(id),
    product_name    TEXT NOT NULL,
    variant_name    TEXT NOT NULL DEFAULT '',
    quantity_ordered INTEGER NOT NULL DEFAULT 0,
    quantity        INTEGER NOT NULL,     -- handed over / sold
    final_weight    TEXT,                 -- Decimal text when weighed
    unit_price      INTEGER NOT NULL,
    amount          INTEGER NOT NULL,     -- value handed over / sold
    status          TEXT NOT NULL DEFAULT 'ok'
        CHECK (status IN ('ok', 'short', 'missing', 'weighed'))
);
CREATE INDEX checkout_lines_checkout ON checkout_lines(checkout_id);

CREATE TABLE payments (
    id          TEXT PRIMARY KEY,         -- UUID
    checkout_id TEXT NOT NULL REFERENCES checkouts(id),
    method      TEXT NOT NULL,            -- cash | card | local | cheque | voucher | ...
    amount      INTEGER NOT NULL,         -- applied to the sale (negative: refund)
    tendered    INTEGER NOT NULL,         -- handed over by the customer
    change      INTEGER NOT NULL DEFAULT 0,
    reference   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX payments_checkout ON payments(checkout_id);

CREATE TABLE no_shows (
    order_id  INTEGER PRIMARY KEY REFERENCES orders(id),
    marked_at TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT ''
);

-- Sync ---------------------------------------------------------------------------
-- Desired state per order, as the till believes it (docs/design.md rule 3).
CREATE TABLE outbox (
    order_id        INTEGER PRIMARY KEY REFERENCES orders(id),
    desired         TEXT NOT NULL,        -- JSON: collected, payments, amounts
    status          TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'done', 'needs_staff', 'conflict', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    changed_at      TEXT NOT NULL,        -- when the desired state last changed
    pushed_at       TEXT
);
CREATE INDEX outbox_status ON outbox(status);

CREATE TABLE staff_actions (
    id          TEXT PRIMARY KEY,         -- UUID
    order_id    INTEGER REFERENCES orders(id),
    checkout_id TEXT REFERENCES checkouts(id),
    kind        TEXT NOT NULL,  -- enter_payment | unpaid_handover | credit | walk_in | conflict
    reason      TEXT NOT NULL,
    amount      INTEGER,
    method      TEXT,
    admin_url   TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    done_at     TEXT,
    done_by     TEXT
);
CREATE INDEX staff_actions_open ON staff_actions(done_at);

CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,            -- pull | push
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    ok          INTEGER,
    summary     TEXT NOT NULL DEFAULT '{}', -- JSON counts
    watermark   TEXT                      -- server Date for the next incremental pull
);

-- Printing -----------------------------------------------------------------------
CREATE TABLE print_jobs (
    id         TEXT PRIMARY KEY,          -- UUID
    kind       TEXT NOT NULL,             -- receipt | label | z_report | test
    ref        TEXT NOT NULL DEFAULT '',  -- checkout id, order number, session id
    payload    TEXT NOT NULL,             -- JSON the renderer needs
    status     TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'printing', 'done', 'failed', 'cancelled')),
    is_copy    INTEGER NOT NULL DEFAULT 0,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    printed_at TEXT
);
CREATE INDEX print_jobs_status ON print_jobs(status, created_at);

-- Audit --------------------------------------------------------------------------
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,              -- UTC
    till_id   TEXT NOT NULL DEFAULT '',
    actor     TEXT NOT NULL DEFAULT '',   -- volunteer or staff name
    role      TEXT NOT NULL DEFAULT 'volunteer',
    action    TEXT NOT NULL,              -- e.g. checkout.collect, till.open
    entity    TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    details   TEXT NOT NULL DEFAULT '{}'  -- JSON: what changed
);
CREATE INDEX audit_at ON audit_log(at);
"""

# Version 3: delivery methods (OFN shipping methods with require_ship_address) kept apart
# from pickup points.
V3 = """
ALTER TABLE pickup_points ADD COLUMN is_delivery INTEGER NOT NULL DEFAULT 0;
"""

# Till identity: a random UUID generated once for this database (the till), never shown, kept
# with every till session and checkout next to the short label people read ("T1"), so two
# tills both labelled "T1" stay apart. Rows this till writes get it from the trigger; rows
# that carry another till's uid keep theirs. The setting is declared as TILL_UID in
# pos/domain/settings.py.
V4_TILL_UID = """
INSERT INTO settings(key, value)
SELECT 'till_uid', json_quote(
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
    || '-' || lower(hex(randomblob(6))))
WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'till_uid');
ALTER TABLE till_sessions ADD COLUMN till_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE checkouts ADD COLUMN till_uid TEXT NOT NULL DEFAULT '';
UPDATE till_sessions
    SET till_uid = (SELECT json_extract(value, '$') FROM settings WHERE key = 'till_uid');
UPDATE checkouts
    SET till_uid = (SELECT json_extract(value, '$') FROM settings WHERE key = 'till_uid');
CREATE TRIGGER till_sessions_till_uid AFTER INSERT ON till_sessions WHEN NEW.till_uid = ''
BEGIN
    UPDATE till_sessions
    SET till_uid = (SELECT json_extract(value, '$') FROM settings WHERE key = 'till_uid')
    WHERE id = NEW.id;
END;
CREATE TRIGGER checkouts_till_uid AFTER INSERT ON checkouts WHEN NEW.till_uid = ''
BEGIN
    UPDATE checkouts
    SET till_uid = (SELECT json_extract(value, '$') FROM settings WHERE key = 'till_uid')
    WHERE id = NEW.id;
END;
"""

# The outbox's side tables.
# conflict_copies: the OFN copy of each conflicted order (what staff accept when they take
# OFN's version), instead of being read back out of the audit log, which stays append-only
# evidence. Existing copies move over: the latest ``sync.conflict`` per order, with the
# staff's decision when a ``sync.conflict.resolved`` followed it.
# pushed_listings: orders push changed in OFN and rewrote locally from what it read, with the
# fingerprint of OFN's last concise answer; the next pull fetches such an order's details again
# only if its list row differs.
# checkout_lines_line_item: rewriting an order (pull, push) keeps the line items local events
# point at; without this index each rewrite scanned every checkout line of the day.
V5_OUTBOX = """
CREATE INDEX checkout_lines_line_item ON checkout_lines(line_item_id);

CREATE TABLE pushed_listings (
    order_id INTEGER PRIMARY KEY REFERENCES orders(id),
    digest   TEXT NOT NULL,               -- sha256 of the concise order JSON
    at       TEXT NOT NULL
);

CREATE TABLE conflict_copies (
    order_id    INTEGER PRIMARY KEY REFERENCES orders(id),
    detected_at TEXT NOT NULL,            -- UTC, when sync found OFN's change
    reason      TEXT NOT NULL DEFAULT '',
    remote      TEXT NOT NULL,            -- JSON: the order as OFN had it then
    resolved_at TEXT,                     -- NULL while staff have not decided
    resolved_by TEXT,
    kept_local  INTEGER                   -- 1: the till's version kept, 0: OFN's accepted
);

WITH last AS (
    SELECT entity_id, MAX(id) AS id FROM audit_log
    WHERE action = 'sync.conflict' AND entity = 'order' GROUP BY entity_id
), decided AS (
    SELECT l.entity_id, MIN(r.id) AS id FROM last l
    JOIN audit_log r ON r.entity = 'order' AND r.entity_id = l.entity_id AND r.id > l.id
    WHERE r.action = 'sync.conflict.resolved' GROUP BY l.entity_id
)
INSERT INTO conflict_copies(order_id, detected_at, reason, remote, resolved_at, resolved_by,
                            kept_local)
SELECT CAST(a.entity_id AS INTEGER), a.at, COALESCE(json_extract(a.details, '$.reason'), ''),
       json_extract(a.details, '$.remote'), r.at, r.actor,
       CASE WHEN r.id IS NULL THEN NULL
            ELSE COALESCE(json_extract(r.details, '$.keep_local'), 0) END
FROM last l
JOIN audit_log a ON a.id = l.id
LEFT JOIN decided d ON d.entity_id = l.entity_id
LEFT JOIN audit_log r ON r.id = d.id
WHERE json_valid(a.details) AND json_type(a.details, '$.remote') = 'text'
  AND EXISTS (SELECT 1 FROM orders o WHERE o.id = CAST(a.entity_id AS INTEGER));
"""

# Minimal data: the kept copy of each order's JSON loses what the till never uses (billing
# and, for pickup orders, ship addresses; names, emails, phones and notes, which have their
# own columns). Delivery orders keep their ship address, phone and delivery instructions.
# Same keys as pos/domain/privacy.py at the time of writing. Retention: ``purged_at`` marks an
# order whose personal fields the purge (or an erasure) removed; a pull never refills them.
V6_CUSTOMER_PRIVACY = """
ALTER TABLE orders ADD COLUMN purged_at TEXT;  -- UTC; personal fields removed
-- deleting a customer checks orders.customer_id (foreign key): without this, a scan per row
CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_unpurged ON orders(order_cycle_id) WHERE purged_at IS NULL;
UPDATE orders SET raw_json = '{}'
WHERE CASE WHEN json_valid(raw_json) THEN json_type(raw_json) != 'object' ELSE 1 END;

UPDATE orders SET raw_json = (
    SELECT json_group_object(j.key, CASE j.type WHEN 'true' THEN json('true')
                                                WHEN 'false' THEN json('false')
                                                ELSE j.value END)
    FROM json_each(orders.raw_json) AS j
    WHERE j.key IN ('id', 'number', 'state', 'payment_state', 'shipment_state',
        'ready_to_ship', 'ready_to_capture', 'item_total', 'adjustment_total',
        'payment_total', 'total', 'item_count', 'completed_at_utc_iso8601', 'distributor',
        'distributor_name', 'order_cycle', 'customer_id', 'shipping_method', 'line_items',
        'payments', 'adjustments', 'edit_path', 'payments_path')
       OR (j.key IN ('phone', 'special_instructions', 'ship_address')
           AND (json_extract(orders.raw_json, '$.shipping_method.require_ship_address') = 1
                OR EXISTS (SELECT 1 FROM pickup_points p
                           WHERE p.id = orders.pickup_point_id AND p.is_delivery = 1)))
);

UPDATE orders SET raw_json = json_set(raw_json, '$.ship_address', (
    SELECT json_group_object(a.key, a.value)
    FROM json_each(orders.raw_json, '$.ship_address') AS a
    WHERE a.key IN ('firstname', 'lastname', 'address1', 'address2', 'city', 'zipcode',
                    'phone', 'state_name', 'country_name')))
WHERE json_type(raw_json, '$.ship_address') = 'object';
"""


# Delivery rounds: one driver's run over one delivery method, its stops and what happened at
# each door. A delivered stop links to its collection checkout; a stop not delivered is its own
# event (nothing goes to OFN). The round's cash is counted against what was taken, like a till.
V7_DELIVERY_ROUNDS = """
CREATE TABLE delivery_rounds (
    id              TEXT PRIMARY KEY,     -- UUID
    pickup_point_id INTEGER NOT NULL REFERENCES pickup_points(id), -- the delivery method
    driver          TEXT NOT NULL DEFAULT '',
    order_cycle_id  INTEGER REFERENCES order_cycles(id),
    opened_at       TEXT NOT NULL,
    opened_by       TEXT NOT NULL,
    float_amount    INTEGER NOT NULL DEFAULT 0,
    closed_at       TEXT,
    closed_by       TEXT,
    expected_cash   INTEGER,
    counted_cash    INTEGER,
    difference      INTEGER,
    close_note      TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX one_open_round ON delivery_rounds(pickup_point_id, driver, order_cycle_id)
    WHERE closed_at IS NULL;

CREATE TABLE round_stops (
    id          TEXT PRIMARY KEY,         -- UUID of the latest outcome event
    round_id    TEXT NOT NULL REFERENCES delivery_rounds(id),
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    position    INTEGER NOT NULL,         -- order on the run sheet, 1, 2, ...
    outcome     TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN
        ('pending', 'delivered', 'delivered_missing', 'not_home', 'refused')),
    next_step   TEXT NOT NULL DEFAULT '', -- not home: second_attempt | pickup_later
    checkout_id TEXT REFERENCES checkouts(id), -- the collection of a delivered stop
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT,
    recorded_by TEXT NOT NULL DEFAULT '',
    UNIQUE (round_id, order_id)
);
CREATE INDEX round_stops_order ON round_stops(order_id);
"""

# Staff actions keep what to say as a code and its parameters (pos.messages), worded in the
# reader's language when shown; ``reason`` keeps the English, and rows from before codes
# (reason_code '') are shown as stored.
V8_STAFF_ACTION_CODES = """
ALTER TABLE staff_actions ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_actions ADD COLUMN reason_params TEXT NOT NULL DEFAULT '{}';
"""

# The shared journal (issue 14; docs/journal.md). Rows of several tills live side by side:
# keys move from the till label, which two laptops may share ("T1"), to ``till_uid``. The two
# tables whose unique keys were inline constraints are rebuilt (the migration runs with foreign
# keys off, then checks them). ``checkouts.merged`` = 1 marks a row merged from another till's
# journal; the one-live-collection rule covers only this till's own rows (merged = 0), so a
# hand-over another till made of an order this till also handed over is KEPT and becomes a
# ``double_handover`` staff action. journal_events holds every event, local (written_at: its
# file was written) and remote (merged_at: applied here); journal_tills which tills reported
# since when; journal_held the files and events kept aside (wrong key, corrupt, order not pulled).
V9_JOURNAL = """
CREATE TABLE till_sessions_v9 (
    id              TEXT PRIMARY KEY,     -- UUID
    till_id         TEXT NOT NULL,        -- the till's label when it opened ("T1")
    number          INTEGER NOT NULL,     -- per till, 1, 2, ...
    pickup_point_id INTEGER REFERENCES pickup_points(id),
    volunteer       TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    float_amount    INTEGER NOT NULL,
    closed_at       TEXT,
    closed_by       TEXT,
    expected_cash   INTEGER,
    counted_cash    INTEGER,
    difference      INTEGER,
    denominations   TEXT,                 -- JSON {"2000": 3, ...}
    close_note      TEXT NOT NULL DEFAULT '',
    till_uid        TEXT NOT NULL DEFAULT '',
    UNIQUE (till_uid, number)
);
INSERT INTO till_sessions_v9(id, till_id, number, pickup_point_id, volunteer, opened_at,
    float_amount, closed_at, closed_by, expected_cash, counted_cash, difference, denominations,
    close_note, till_uid)
SELECT id, till_id, number, pickup_point_id, volunteer, opened_at, float_amount, closed_at,
    closed_by, expected_cash, counted_cash, difference, denominations, close_note, till_uid
FROM till_sessions;
DROP TABLE till_sessions;
ALTER TABLE till_sessions_v9 RENAME TO till_sessions;
CREATE UNIQUE INDEX one_open_session_per_till ON till_sessions(till_uid) WHERE closed_at IS NULL;
CREATE TRIGGER till_sessions_till_uid AFTER INSERT ON till_sessions WHEN NEW.till_uid = ''
BEGIN
    UPDATE till_sessions
    SET till_uid = (SELECT json_extract(value, '$') FROM settings WHERE key = 'till_uid')
    WHERE id = NEW.id;
END;

CREATE TABLE checkouts_v9 (
    id              TEXT PRIMARY KEY,     -- UUID made by the till
    receipt_no      TEXT NOT NULL,        -- label + sequence, e.g. "T1-000042"
    kind            TEXT NOT NULL CHECK (kind IN ('collection', 'walk_in', 'reversal')),
    order_id        INTEGER REFERENCES orders(id),
    reverses_id     TEXT REFERENCES checkouts(id),
    reversed_at     TEXT,                 -- set when a reversal event exists
    session_id      TEXT REFERENCES till_sessions(id),
    till_id         TEXT NOT NULL,        -- the till's label
    volunteer       TEXT NOT NULL,
    pickup_point_id INTEGER REFERENCES pickup_points(id),
    created_at      TEXT NOT NULL,
    currency        TEXT NOT NULL,
    goods_total     INTEGER NOT NULL DEFAULT 0,
    fees_total      INTEGER NOT NULL DEFAULT 0,
    credit_amount   INTEGER NOT NULL DEFAULT 0,
    amount_due      INTEGER NOT NULL DEFAULT 0,
    amount_paid     INTEGER NOT NULL DEFAULT 0,
    change_given    INTEGER NOT NULL DEFAULT 0,
    left_owing      INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL DEFAULT '',
    till_uid        TEXT NOT NULL DEFAULT '',
    merged          INTEGER NOT NULL DEFAULT 0, -- 1: merged from another till's journal
    UNIQUE (till_uid, receipt_no),
    UNIQUE (reverses_id)
);
INSERT INTO checkouts_v9(id, receipt_no, kind, order_id, reverses_id, reversed_at, session_id,
    till_id, volunteer, pickup_point_id, created_at, currency, goods_total, fees_total,
    credit_amount, amount_due, amount_paid, change_given, left_owing, note, till_uid, merged)
SELECT id, receipt_no, kind, order_id, reverses_id, reversed_at, session_id, till_id, volunteer,
    pickup_point_id, created_at, currency, goods_total, fees_total, credit_amount, amount_due,
    amount_paid, change_given, left_owing, note, till_uid, 0
FROM checkouts;
DROP TABLE checkouts;
ALTER TABLE checkouts_v9 RENAME TO checkouts;
CREATE UNIQUE INDEX one_live_collection_per_order
    ON checkouts(order_id) WHERE kind = 'collection' AND reversed_at IS NULL AND merged = 0;
CREATE INDEX checkouts_order ON checkouts(order_id);
CREATE INDEX checkouts_session ON checkouts(session_id);
CREATE INDEX checkouts_till ON checkouts(till_uid, created_at);
CREATE TRIGGER checkouts_till_uid AFTER INSERT ON checkouts WHEN NEW.till_uid = ''
BEGIN
    UPDATE checkouts
    SET till_uid = (SELECT json_extract(value, '$') FROM settings WHERE key = 'till_uid')
    WHERE id = NEW.id;
END;

CREATE TABLE journal_events (
    till_uid   TEXT NOT NULL,
    seq        INTEGER NOT NULL,          -- per till, 1, 2, ... (the file name)
    kind       TEXT NOT NULL,             -- checkout | reversal | till_open | cash_move | ...
    at         TEXT NOT NULL,             -- UTC, when it happened
    body       TEXT NOT NULL,             -- JSON: the event (no customer names or addresses)
    written_at TEXT,                      -- local: when its file was written
    merged_at  TEXT,                      -- remote: when it was applied here
    PRIMARY KEY (till_uid, seq)
);
CREATE INDEX journal_events_unwritten ON journal_events(till_uid) WHERE written_at IS NULL;

CREATE TABLE journal_tills (
    till_uid      TEXT PRIMARY KEY,
    label         TEXT NOT NULL DEFAULT '',
    last_seq      INTEGER NOT NULL DEFAULT 0,
    last_event_at TEXT,                   -- UTC of its latest event seen
    last_seen_at  TEXT                    -- UTC, when a file of it was last read here
);

CREATE TABLE journal_held (
    name          TEXT PRIMARY KEY,       -- the file, relative to the folder: <till>/<seq>.json
    till_uid      TEXT,
    seq           INTEGER,
    reason_code   TEXT NOT NULL,          -- pos.messages code, e.g. journal.wrong_key
    first_seen_at TEXT NOT NULL,
    reported      INTEGER NOT NULL DEFAULT 0
);
"""

# Staff actions are named by their content (pos.store.outbox.action_id); a device listing one
# looks for a decision on it that the journal brought first: the staff decisions among the
# journal's events, found without reading the whole day's events.
V10_STAFF_DECISIONS = """
CREATE INDEX journal_events_staff_done ON journal_events(json_extract(body, '$.action_id'))
    WHERE kind = 'staff_done';
"""

MIGRATIONS: list[str] = [
    V1,
    V2,
    V3,
    V4_TILL_UID,
    V5_OUTBOX,
    V6_CUSTOMER_PRIVACY,
    V7_DELIVERY_ROUNDS,
    V8_STAFF_ACTION_CODES,
    V9_JOURNAL,
    V10_STAFF_DECISIONS,
]
LATEST = len(MIGRATIONS)
