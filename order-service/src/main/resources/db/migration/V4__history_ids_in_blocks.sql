-- Status history ids come from this sequence in blocks of 50 (Hibernate's pooled optimizer) instead of one
-- identity per insert: an intake batch's entries are then inserted in JDBC batches at commit, not one round trip
-- (and an early flush of the order) each. The column default stays for inserts outside Hibernate.
alter sequence order_status_history_id_seq increment by 50;
