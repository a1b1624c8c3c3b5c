-- The instances running each streaming processor, so that they can share its segments (SegmentBalancer).
create table processor_node (
    processor_name text        not null,
    node_id        text        not null,
    seen_at        timestamptz not null,
    primary key (processor_name, node_id)
);
