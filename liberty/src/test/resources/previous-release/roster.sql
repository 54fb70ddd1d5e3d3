--
-- PostgreSQL database dump
--

\restrict LXdNwBxodsN0yjDoLS1sHAtfpIlPiKhT1ordzEH1NB03qBdfDm6eCdXJgkoXWVb

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: analyze_directory(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.analyze_directory() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    analyze public.employee (id, status, last_seen_run, in_scope), public.employee_group;
end;
$$;


--
-- Name: prune_audit_records(timestamp with time zone, bigint, character varying, timestamp with time zone, character varying); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.prune_audit_records(cutoff timestamp with time zone, through_id bigint, through_hash character varying, signed_at timestamp with time zone, signature character varying) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
declare
    kept_from  timestamptz;
    through    public.audit_record%rowtype;
    youngest   timestamptz;
    pruned     bigint;
begin
    select now() - min_retention into kept_from from public.audit_retention_floor where id = 1;
    if kept_from is null then
        raise exception 'the minimum audit retention is not set' using errcode = '55000';
    end if;
    if cutoff > kept_from then
        raise exception 'audit records younger than the minimum retention are kept: the cutoff % is after %',
            cutoff, kept_from using errcode = '42501';
    end if;
    select * into through from public.audit_record where id = through_id;
    if not found or through.hash <> through_hash or through.at >= cutoff then
        raise exception 'record % is not an audit record older than the cutoff with the hash given', through_id
            using errcode = '22023';
    end if;
    select max(at) into youngest from public.audit_record where id <= through_id;
    if youngest >= kept_from then
        raise exception 'the records up to % include one younger than the minimum retention', through_id
            using errcode = '42501';
    end if;
    delete from public.audit_record where id <= through_id;
    get diagnostics pruned = row_count;
    insert into public.audit_checkpoint (pruned_through_id, last_hash, at, pruned_count, signature)
        values (through_id, through_hash, signed_at, pruned, signature);
    return pruned;
end;
$$;


--
-- Name: seal_audit_records(bigint[], character varying[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.seal_audit_records(record_ids bigint[], record_macs character varying[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
begin
    update public.audit_record a set mac = s.mac
        from unnest(record_ids, record_macs) as s(id, mac)
        where a.id = s.id and a.mac is null;
end;
$$;


--
-- Name: viewer_count_add(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.viewer_count_add(delta bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
begin
    if delta <> 0 then
        update viewer_count set viewers = viewers + delta;
    end if;
end
$$;


--
-- Name: viewer_count_deleted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.viewer_count_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform viewer_count_add(-(select count(*) from removed where in_scope));
    return null;
end
$$;


--
-- Name: viewer_count_flipped(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.viewer_count_flipped() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform viewer_count_add(case when new.in_scope then 1 else -1 end);
    return null;
end
$$;


--
-- Name: viewer_count_inserted(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.viewer_count_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform viewer_count_add((select count(*) from added where in_scope));
    return null;
end
$$;


--
-- Name: viewer_count_truncated(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.viewer_count_truncated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    update viewer_count set viewers = 0;
    return null;
end
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: app_password; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.app_password (
    id bigint NOT NULL,
    employee_id character varying(256) NOT NULL,
    label character varying(128) NOT NULL,
    hash character varying(256),
    created_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    lookup character varying(64)
);


--
-- Name: app_password_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.app_password_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: app_password_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.app_password_id_seq OWNED BY public.app_password.id;


--
-- Name: audit_checkpoint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_checkpoint (
    pruned_through_id bigint NOT NULL,
    last_hash character varying(64) NOT NULL,
    at timestamp with time zone NOT NULL,
    pruned_count bigint NOT NULL,
    signature character varying(64) NOT NULL
);


--
-- Name: audit_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_head (
    id integer NOT NULL,
    last_id bigint NOT NULL,
    last_hash character varying(64) NOT NULL,
    last_mac character varying(64)
);


--
-- Name: audit_record; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_record (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    actor character varying(256) NOT NULL,
    action character varying(64) NOT NULL,
    subject character varying(512) NOT NULL,
    detail character varying(2000) NOT NULL,
    prev_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    mac character varying(64)
);


--
-- Name: audit_retention_floor; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_retention_floor (
    id integer NOT NULL,
    min_retention interval NOT NULL,
    CONSTRAINT audit_retention_floor_id_check CHECK ((id = 1)),
    CONSTRAINT audit_retention_floor_min_retention_check CHECK ((min_retention >= '00:00:00'::interval))
);


--
-- Name: delivered_contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivered_contact (
    viewer_id character varying(256) NOT NULL,
    contact_id character varying(256) NOT NULL,
    fields character varying(4000) NOT NULL,
    fingerprint character varying(32) NOT NULL,
    rule_id character varying(128) NOT NULL,
    delivered_run bigint NOT NULL,
    delivered_at timestamp with time zone NOT NULL
);


--
-- Name: delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery (
    id bigint NOT NULL,
    run_id bigint NOT NULL,
    viewer_id character varying(256) NOT NULL,
    contact_id character varying(256) NOT NULL,
    action character varying(8) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: delivery_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.delivery_seq
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: directory_source; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.directory_source (
    id character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    display_name character varying(256) NOT NULL,
    precedence integer NOT NULL,
    enabled boolean NOT NULL,
    settings text NOT NULL,
    secrets text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(256) NOT NULL,
    version integer NOT NULL
);


--
-- Name: employee; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.employee (
    id character varying(256) NOT NULL,
    reference character varying(1024) NOT NULL,
    given_name character varying(256),
    surname character varying(256),
    display_name character varying(256),
    mobile character varying(32),
    work_phone character varying(32),
    mail character varying(256),
    department character varying(256),
    location character varying(256),
    title character varying(256),
    employee_type character varying(256),
    manager character varying(1024),
    status character varying(16) NOT NULL,
    in_scope boolean NOT NULL,
    scope_rule character varying(128) NOT NULL,
    scope_reason character varying(512),
    last_seen_run bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    gone_at timestamp with time zone,
    account_disabled character varying(32),
    opt_out character varying(32),
    consent character varying(32),
    reference_key character varying(1024),
    manager_key character varying(1024),
    contact_allowed boolean DEFAULT false NOT NULL,
    read_fingerprint character varying(32),
    fingerprint character varying(32)
);


--
-- Name: employee_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.employee_group (
    employee_id character varying(256) NOT NULL,
    group_dn character varying(1024) NOT NULL
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    run_id bigint NOT NULL,
    viewer_id character varying(256) NOT NULL,
    contact_id character varying(256) NOT NULL,
    action character varying(8) NOT NULL,
    fields character varying(4000),
    rule_id character varying(128),
    state character varying(16) NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    last_error character varying(1000),
    created_at timestamp with time zone NOT NULL,
    delivered_at timestamp with time zone
);


--
-- Name: outbox_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.outbox_seq
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: policy_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.policy_version (
    id bigint NOT NULL,
    name character varying(128) NOT NULL,
    text character varying(262144) NOT NULL,
    status character varying(16) NOT NULL,
    author character varying(256) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    approved_by character varying(256),
    approved_at timestamp with time zone,
    published_by character varying(256),
    published_at timestamp with time zone,
    note character varying(512)
);


--
-- Name: policy_version_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.policy_version_seq
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: rejected_read; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rejected_read (
    employee_id character varying(256) NOT NULL,
    read_fingerprint character varying(32) NOT NULL,
    reference character varying(1024) NOT NULL,
    reason character varying(1024) NOT NULL
);


--
-- Name: run_rejection; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.run_rejection (
    id bigint NOT NULL,
    run_id bigint NOT NULL,
    reference character varying(1024) NOT NULL,
    employee_id character varying(256),
    reason character varying(1024) NOT NULL
);


--
-- Name: run_rejection_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.run_rejection_seq
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: schedule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schedule (
    source_id character varying(64) NOT NULL,
    kind character varying(16) NOT NULL,
    expression character varying(256) NOT NULL,
    zone character varying(64) NOT NULL,
    enabled boolean NOT NULL,
    next_fire_at timestamp with time zone NOT NULL,
    last_fired_at timestamp with time zone,
    last_run_id bigint,
    updated_by character varying(256) NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: self_service; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.self_service (
    employee_id character varying(256) NOT NULL,
    opted_out boolean NOT NULL,
    opted_in boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: source_record; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.source_record (
    source_id character varying(64) NOT NULL,
    identity character varying(256) NOT NULL,
    merge_key character varying(256) NOT NULL,
    reference character varying(1024) NOT NULL,
    precedence integer NOT NULL,
    field_values text NOT NULL,
    groups text NOT NULL,
    seen_run bigint NOT NULL
);


--
-- Name: sync_run; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sync_run (
    id bigint NOT NULL,
    trigger_kind character varying(32) NOT NULL,
    dry_run boolean NOT NULL,
    status character varying(32) NOT NULL,
    stage character varying(16) NOT NULL,
    progress integer DEFAULT 0 NOT NULL,
    policy_name character varying(128) NOT NULL,
    platform character varying(32) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    source_complete boolean,
    error character varying(2000),
    read_count bigint DEFAULT 0 NOT NULL,
    rejected_count bigint DEFAULT 0 NOT NULL,
    in_scope_count bigint DEFAULT 0 NOT NULL,
    excluded_count bigint DEFAULT 0 NOT NULL,
    gone_count bigint DEFAULT 0 NOT NULL,
    added_count bigint DEFAULT 0 NOT NULL,
    updated_count bigint DEFAULT 0 NOT NULL,
    removed_count bigint DEFAULT 0 NOT NULL,
    removal_limit bigint,
    decided_by character varying(256),
    delivered_count bigint DEFAULT 0 NOT NULL,
    failed_count bigint DEFAULT 0 NOT NULL,
    owner character varying(256),
    heartbeat_at timestamp with time zone,
    scheduled_for timestamp with time zone,
    read_mode character varying(16) DEFAULT 'full'::character varying NOT NULL,
    watermark text,
    started_by character varying(256)
);


--
-- Name: sync_run_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sync_run_seq
    START WITH 50
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: telegram_account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.telegram_account (
    employee_id character varying(256) NOT NULL,
    session_key text NOT NULL,
    status character varying(32) NOT NULL,
    linked_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    paused_until timestamp with time zone,
    own_user_ids text,
    own_numbers text
);


--
-- Name: telegram_contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.telegram_contact (
    viewer_id character varying(256) NOT NULL,
    contact_id character varying(256) NOT NULL,
    state character varying(16) NOT NULL,
    intent character varying(8) NOT NULL,
    user_id bigint NOT NULL,
    phone character varying(64),
    first_name character varying(256),
    last_name character varying(256),
    reason character varying(512) NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: telegram_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.telegram_key (
    viewer_id character varying(256) NOT NULL,
    idempotency_key character varying(128) NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: viewer_count; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.viewer_count (
    only_row boolean DEFAULT true NOT NULL,
    viewers bigint NOT NULL,
    CONSTRAINT viewer_count_only_row_check CHECK (only_row)
);


--
-- Name: viewer_digest; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.viewer_digest (
    viewer_id character varying(256) NOT NULL,
    digest character varying(64) NOT NULL,
    contacts integer NOT NULL,
    run_id bigint NOT NULL
);


--
-- Name: app_password id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_password ALTER COLUMN id SET DEFAULT nextval('public.app_password_id_seq'::regclass);


--
-- Data for Name: app_password; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.app_password (id, employee_id, label, hash, created_at, last_used_at, lookup) FROM stdin;
1	p000101	phone	\N	2026-12-07 23:27:21.984631+00	2026-12-07 23:27:32.381894+00	25d34cd412f4839b71f51868c1b97b9abb5dba60beb46c912b6e517e8cbaede3
\.


--
-- Data for Name: audit_checkpoint; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_checkpoint (pruned_through_id, last_hash, at, pruned_count, signature) FROM stdin;
\.


--
-- Data for Name: audit_head; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_head (id, last_id, last_hash, last_mac) FROM stdin;
1	12	523abf382fd57fd419675b76f6b8d5dfc9e26f73980bbaa82657e7ed1bd04e9d	b6465cbb10bba5d21a0f123bb33f7c71a4e19ae2527cd3725bf6dba18baa274d
\.


--
-- Data for Name: audit_record; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_record (id, at, actor, action, subject, detail, prev_hash, hash, mac) FROM stdin;
1	2026-12-07 23:26:57.442+00	system	policy.published	policy:1	published default (version 1) as configured at first start	0000000000000000000000000000000000000000000000000000000000000000	b9c8352ed70ebeed59e534fffe6804ceeb092fa7167a46274e873f3d76068daf	ae8bc953557e3056517cb239e0e5f868b90e9ff9897c12030b283390d9c922a0
2	2026-12-07 23:27:08.017+00	admin	run.started	run:1	run started (manual) with policy default	b9c8352ed70ebeed59e534fffe6804ceeb092fa7167a46274e873f3d76068daf	a5a5f26caac57e6a6abe6a63266f1e05ce847bdb920bd0dda40b771f7b8441e9	a352f588bff4bd44afbe30cee97a9d7ac635274450ecd242af4d96cec73146f0
3	2026-12-07 23:27:20.829+00	system	run.finished	run:1	run 1 completed: 30 read, 0 rejected, 30 in scope, 270 added, 0 updated, 0 removed	a5a5f26caac57e6a6abe6a63266f1e05ce847bdb920bd0dda40b771f7b8441e9	11e8f0d370518b614e048942f03c83a56d2e561aabc34c1aad636f67bc64cb60	f95a1557d4e182b3d8f41bc3e6b1e56be0c052bdaaeb5351a1b1857b59a800bf
4	2026-12-07 23:27:22.06+00	p000101	app-password.created	employee:p000101	made the app password "phone" (1) for the address book	11e8f0d370518b614e048942f03c83a56d2e561aabc34c1aad636f67bc64cb60	9b148d5f55553d81db93a34091d3b4f4cb8f1a4755b39eb62e939e98ca586d40	dcf1d8b8c7f7f0ce2b95acc2308619e4921efac444a956a464ee4eb715df6e04
5	2026-12-07 23:27:22.905+00	p000102	self-service.opted-out	employee:p000102	p000102 opted out; effective at the next run	9b148d5f55553d81db93a34091d3b4f4cb8f1a4755b39eb62e939e98ca586d40	d3180bf91450b519de56def36035f3e2bd06f4580987646c27dd50fb013f6617	a9282e3dd2edc02169ce874f48987f6e743d9fc4c2bcfd16bdd24ba8c2e8895c
6	2026-12-07 23:27:23.83+00	admin	source.created	source:partners	added ldap source partners (Partner directory, precedence 50) with settings {allow-insecure=true, base-dn=ou=partners,dc=upgrade,dc=test, bind-dn=cn=roster-reader,dc=upgrade,dc=test, url=ldap://localhost:33161} and secrets [password]	d3180bf91450b519de56def36035f3e2bd06f4580987646c27dd50fb013f6617	deeaf55dad18ec571ea43f699172ea3ee7fdda93529d655ca99d59349c420159	e652e6422bab1adf7e708d07cd6b052b261336f2e8ddeadf7f54aa9e29a9deec
7	2026-12-07 23:27:23.895+00	admin	source.insecure-allowed	source:partners	allowed partners to bind with its password in clear text (allow-insecure = true) to ldap://localhost:33161	deeaf55dad18ec571ea43f699172ea3ee7fdda93529d655ca99d59349c420159	fb06d5607d82bbe34856a4963ae2d46b40a2c340689c2e5f7f6eceb3dd7d13c6	cbaa71b88bd9cb0f503c4d77eb194811a0d8edd2f8af3e82532419616bc78698
8	2026-12-07 23:27:24.534+00	admin	run.started	run:2	run started (manual) with policy default	fb06d5607d82bbe34856a4963ae2d46b40a2c340689c2e5f7f6eceb3dd7d13c6	98053179fc2d14a480ceb89a3606b87b9bb32338626488e4e4e2bbcc67a103e9	723260dad32311a4dad732f2bf0c540c1a3b94c90e1c460c7e567fe990d5227e
9	2026-12-07 23:27:28.587+00	system	directory.merged	run:2	run 2 merged 2 sources by id in precedence order [directory (0), partners (50)]; entries read: {directory=30, partners=3}	98053179fc2d14a480ceb89a3606b87b9bb32338626488e4e4e2bbcc67a103e9	25b6ec77dd94f2c443d28a8ca85acc5fa351abb0fd38b9d81b925cbf8ee61363	e43df9f4e1cbbe185718b02bea932f4296ef0da71bc52bd170856d711f832ea5
10	2026-12-07 23:27:29.71+00	system	run.awaiting-approval	run:2	run 2 would remove 18 contacts (limit 13); nothing was delivered	25b6ec77dd94f2c443d28a8ca85acc5fa351abb0fd38b9d81b925cbf8ee61363	cb8990e701a4ea6279d3c2ca3e90fe4c0dfe2477e08b97c84859270694387941	ab0a837dce920f916f64ebf3e9a457b971ca347c2d350fcc714833218efab36f
11	2026-12-07 23:27:30.14+00	admin2	run.approved	run:2	approved 18 removals of run 2, started by admin	cb8990e701a4ea6279d3c2ca3e90fe4c0dfe2477e08b97c84859270694387941	23df426ac00dc261e6323e175f3e7d991177406674619529f17eb5f9dd68cb36	1489d96900f420d144b2b88f5cb0ea0062a76c8613745acd042482f557996729
12	2026-12-07 23:27:31.433+00	system	run.finished	run:2	run 2 completed: 33 read, 0 rejected, 32 in scope, 60 added, 0 updated, 18 removed	23df426ac00dc261e6323e175f3e7d991177406674619529f17eb5f9dd68cb36	523abf382fd57fd419675b76f6b8d5dfc9e26f73980bbaa82657e7ed1bd04e9d	b6465cbb10bba5d21a0f123bb33f7c71a4e19ae2527cd3725bf6dba18baa274d
\.


--
-- Data for Name: audit_retention_floor; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_retention_floor (id, min_retention) FROM stdin;
1	8760:00:00
\.


--
-- Data for Name: delivered_contact; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.delivered_contact (viewer_id, contact_id, fields, fingerprint, rule_id, delivered_run, delivered_at) FROM stdin;
p000100	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000100	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000101	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000103	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000104	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000105	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000106	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000107	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000108	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	1	2026-12-07 23:27:19.757893+00
p000109	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000110	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000111	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000112	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000113	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000114	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000115	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000116	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000117	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000118	p000119	{"givenName":"Tilda","surname":"Thiel","mobile":"+4915170000119"}	INceug16HvOujQVdA5nJQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000110	{"givenName":"Kemal","surname":"Kraus","mobile":"+4915170000110"}	u1hfGgYoG49o249bcDZkcw	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000111	{"givenName":"Lina","surname":"Lenz","mobile":"+4915170000111"}	Rf8ox5_w3OdW_004evSkEg	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000112	{"givenName":"Milo","surname":"Maier","mobile":"+4915170000112"}	kAo3WjLnMyLz1NUp5ivt-A	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000113	{"givenName":"Nele","surname":"Naumann","mobile":"+4915170000113"}	EdPcSU0PCUDfBfCQQaVQig	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000114	{"givenName":"Oskar","surname":"Otte","mobile":"+4915170000114"}	Xz_6bQ0FTnZ4TXzWr8_IeQ	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000115	{"givenName":"Pia","surname":"Pohl","mobile":"+4915170000115"}	qS96G-G5RAmRCegN0RZMjA	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000116	{"givenName":"Quirin","surname":"Quast","mobile":"+4915170000116"}	770nNe0ArHs4adqh7HiNPA	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000117	{"givenName":"Rosa","surname":"Roth","mobile":"+4915170000117"}	Wbgi492rSFZI35da9qHdDw	same-department	1	2026-12-07 23:27:19.757893+00
p000119	p000118	{"givenName":"Sven","surname":"Sauer","mobile":"+4915170000118"}	5ikLyYHXtySu5IIqT1sWvQ	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:19.757893+00
p000120	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:19.757893+00
p000121	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:19.757893+00
p000122	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:19.757893+00
p000122	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:19.757893+00
p000122	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000122	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000122	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000122	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000122	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000122	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000122	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000123	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000124	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000125	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000126	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000127	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000128	p000129	{"givenName":"Dörte","surname":"Dreier","mobile":"+4915170000129"}	jGtP0qsUu2uHBzo5uh7J2A	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000120	{"givenName":"Uwe","surname":"Ulrich","mobile":"+4915170000120"}	2UEyhOuhpfmGVXtnA57tDg	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000121	{"givenName":"Vera","surname":"Vogel","mobile":"+4915170000121"}	RCRM4Oxh16xZYtNTsWbWmQ	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000122	{"givenName":"Wim","surname":"Wendt","mobile":"+4915170000122"}	a2eYBgPogfQT-Zv6Ckjt-w	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000123	{"givenName":"Xenia","surname":"Xander","mobile":"+4915170000123"}	DlS3Dsz9CJDxNb6hDE4b0Q	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000124	{"givenName":"Yann","surname":"Yilmaz","mobile":"+4915170000124"}	motW263wRJ4F3AgHJZvDQQ	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000125	{"givenName":"Zora","surname":"Zeller","mobile":"+4915170000125"}	ZppXHvuebkh3v7JMc9aTkQ	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000126	{"givenName":"Arne","surname":"Arndt","mobile":"+4915170000126"}	w0u9G9T_UV5vKTVdh8-JAQ	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000127	{"givenName":"Bea","surname":"Böhm","mobile":"+4915170000127"}	z9gvrvbIk7jj5niM3ulMAg	same-department	1	2026-12-07 23:27:20.353099+00
p000129	p000128	{"givenName":"Cem","surname":"Cordes","mobile":"+4915170000128"}	i6gmDvvBZWBE8wTbm8HbwQ	same-department	1	2026-12-07 23:27:20.353099+00
p000100	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000100	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000100	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000101	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000101	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000101	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000103	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000103	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000103	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000104	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000104	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000104	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000105	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000105	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000105	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000106	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000106	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000106	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000107	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000107	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000107	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000108	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000108	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000108	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
p000109	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
p000109	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
p000109	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	2	2026-12-07 23:27:31.241476+00
x000001	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	2	2026-12-07 23:27:31.241476+00
x000001	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
x000001	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	2	2026-12-07 23:27:31.241476+00
x000002	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	2	2026-12-07 23:27:31.241476+00
x000002	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
x000002	x000003	{"givenName":"Greta","surname":"Extern","mobile":"+4916050000003"}	yybKM3BKH_WkMewLIl3SSg	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000100	{"givenName":"Ada","surname":"Abel","mobile":"+4915170000100"}	urwl3OIQ5Y6YzuadJXJIhQ	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000101	{"givenName":"Ben","surname":"Brandt","mobile":"+4915170000101"}	PLlUbo8W7UagBGFxB3CbgQ	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000103	{"givenName":"Dara","surname":"Dietz","mobile":"+4915170000103"}	HDEucYl_WNdeB9Kp5NAx3Q	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000104	{"givenName":"Emil","surname":"Ebert","mobile":"+4915170000104"}	PRVxzxH0zwldMQgy0YknxQ	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000105	{"givenName":"Fenja","surname":"Fuchs","mobile":"+4915170000105"}	CQniDcLikBxB_yb0MNbZNA	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000106	{"givenName":"Gero","surname":"Gödde","mobile":"+4915170000106"}	rJ-y7UeRFqKDCIW0lGyEPQ	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000107	{"givenName":"Hanna","surname":"Haas","mobile":"+4915170000107"}	t8N3E5VHsonmiwwuhUAL8g	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000108	{"givenName":"Ivo","surname":"Imhof","mobile":"+4915170000108"}	XNICPpaUbSrf747HZuqECg	same-department	2	2026-12-07 23:27:31.241476+00
x000003	p000109	{"givenName":"Jule","surname":"Jäger","mobile":"+4915170000109"}	AR8Vz2vXuvBaH9ODs7qq0A	same-department	2	2026-12-07 23:27:31.241476+00
x000003	x000001	{"givenName":"Emma","surname":"Partner","mobile":"+4916050000001"}	xA5yXsB8c0Z9DkKGgN0MtQ	same-department	2	2026-12-07 23:27:31.241476+00
x000003	x000002	{"givenName":"Finn","surname":"Berater","mobile":"+4916050000002"}	iEaftbYTHq2-OQdcaVbyTw	same-department	2	2026-12-07 23:27:31.241476+00
\.


--
-- Data for Name: delivery; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.delivery (id, run_id, viewer_id, contact_id, action, created_at) FROM stdin;
50	1	p000100	p000101	ADD	2026-12-07 23:27:19.757893+00
100	1	p000100	p000102	ADD	2026-12-07 23:27:19.757893+00
150	1	p000100	p000103	ADD	2026-12-07 23:27:19.757893+00
200	1	p000100	p000104	ADD	2026-12-07 23:27:19.757893+00
250	1	p000100	p000105	ADD	2026-12-07 23:27:19.757893+00
300	1	p000100	p000106	ADD	2026-12-07 23:27:19.757893+00
350	1	p000100	p000107	ADD	2026-12-07 23:27:19.757893+00
400	1	p000100	p000108	ADD	2026-12-07 23:27:19.757893+00
450	1	p000100	p000109	ADD	2026-12-07 23:27:19.757893+00
500	1	p000101	p000100	ADD	2026-12-07 23:27:19.757893+00
550	1	p000101	p000102	ADD	2026-12-07 23:27:19.757893+00
600	1	p000101	p000103	ADD	2026-12-07 23:27:19.757893+00
650	1	p000101	p000104	ADD	2026-12-07 23:27:19.757893+00
700	1	p000101	p000105	ADD	2026-12-07 23:27:19.757893+00
750	1	p000101	p000106	ADD	2026-12-07 23:27:19.757893+00
800	1	p000101	p000107	ADD	2026-12-07 23:27:19.757893+00
850	1	p000101	p000108	ADD	2026-12-07 23:27:19.757893+00
900	1	p000101	p000109	ADD	2026-12-07 23:27:19.757893+00
950	1	p000102	p000100	ADD	2026-12-07 23:27:19.757893+00
1000	1	p000102	p000101	ADD	2026-12-07 23:27:19.757893+00
1050	1	p000102	p000103	ADD	2026-12-07 23:27:19.757893+00
1100	1	p000102	p000104	ADD	2026-12-07 23:27:19.757893+00
1150	1	p000102	p000105	ADD	2026-12-07 23:27:19.757893+00
1200	1	p000102	p000106	ADD	2026-12-07 23:27:19.757893+00
1250	1	p000102	p000107	ADD	2026-12-07 23:27:19.757893+00
1300	1	p000102	p000108	ADD	2026-12-07 23:27:19.757893+00
1350	1	p000102	p000109	ADD	2026-12-07 23:27:19.757893+00
1400	1	p000103	p000100	ADD	2026-12-07 23:27:19.757893+00
1450	1	p000103	p000101	ADD	2026-12-07 23:27:19.757893+00
1500	1	p000103	p000102	ADD	2026-12-07 23:27:19.757893+00
1550	1	p000103	p000104	ADD	2026-12-07 23:27:19.757893+00
1600	1	p000103	p000105	ADD	2026-12-07 23:27:19.757893+00
1650	1	p000103	p000106	ADD	2026-12-07 23:27:19.757893+00
1700	1	p000103	p000107	ADD	2026-12-07 23:27:19.757893+00
1750	1	p000103	p000108	ADD	2026-12-07 23:27:19.757893+00
1800	1	p000103	p000109	ADD	2026-12-07 23:27:19.757893+00
1850	1	p000104	p000100	ADD	2026-12-07 23:27:19.757893+00
1900	1	p000104	p000101	ADD	2026-12-07 23:27:19.757893+00
1950	1	p000104	p000102	ADD	2026-12-07 23:27:19.757893+00
2000	1	p000104	p000103	ADD	2026-12-07 23:27:19.757893+00
2050	1	p000104	p000105	ADD	2026-12-07 23:27:19.757893+00
2100	1	p000104	p000106	ADD	2026-12-07 23:27:19.757893+00
2150	1	p000104	p000107	ADD	2026-12-07 23:27:19.757893+00
2200	1	p000104	p000108	ADD	2026-12-07 23:27:19.757893+00
2250	1	p000104	p000109	ADD	2026-12-07 23:27:19.757893+00
2300	1	p000105	p000100	ADD	2026-12-07 23:27:19.757893+00
2350	1	p000105	p000101	ADD	2026-12-07 23:27:19.757893+00
2400	1	p000105	p000102	ADD	2026-12-07 23:27:19.757893+00
2450	1	p000105	p000103	ADD	2026-12-07 23:27:19.757893+00
2500	1	p000105	p000104	ADD	2026-12-07 23:27:19.757893+00
2550	1	p000105	p000106	ADD	2026-12-07 23:27:19.757893+00
2600	1	p000105	p000107	ADD	2026-12-07 23:27:19.757893+00
2650	1	p000105	p000108	ADD	2026-12-07 23:27:19.757893+00
2700	1	p000105	p000109	ADD	2026-12-07 23:27:19.757893+00
2750	1	p000106	p000100	ADD	2026-12-07 23:27:19.757893+00
2800	1	p000106	p000101	ADD	2026-12-07 23:27:19.757893+00
2850	1	p000106	p000102	ADD	2026-12-07 23:27:19.757893+00
2900	1	p000106	p000103	ADD	2026-12-07 23:27:19.757893+00
2950	1	p000106	p000104	ADD	2026-12-07 23:27:19.757893+00
3000	1	p000106	p000105	ADD	2026-12-07 23:27:19.757893+00
3050	1	p000106	p000107	ADD	2026-12-07 23:27:19.757893+00
3100	1	p000106	p000108	ADD	2026-12-07 23:27:19.757893+00
3150	1	p000106	p000109	ADD	2026-12-07 23:27:19.757893+00
3200	1	p000107	p000100	ADD	2026-12-07 23:27:19.757893+00
3250	1	p000107	p000101	ADD	2026-12-07 23:27:19.757893+00
3300	1	p000107	p000102	ADD	2026-12-07 23:27:19.757893+00
3350	1	p000107	p000103	ADD	2026-12-07 23:27:19.757893+00
3400	1	p000107	p000104	ADD	2026-12-07 23:27:19.757893+00
3450	1	p000107	p000105	ADD	2026-12-07 23:27:19.757893+00
3500	1	p000107	p000106	ADD	2026-12-07 23:27:19.757893+00
3550	1	p000107	p000108	ADD	2026-12-07 23:27:19.757893+00
3600	1	p000107	p000109	ADD	2026-12-07 23:27:19.757893+00
3650	1	p000108	p000100	ADD	2026-12-07 23:27:19.757893+00
3700	1	p000108	p000101	ADD	2026-12-07 23:27:19.757893+00
3750	1	p000108	p000102	ADD	2026-12-07 23:27:19.757893+00
3800	1	p000108	p000103	ADD	2026-12-07 23:27:19.757893+00
3850	1	p000108	p000104	ADD	2026-12-07 23:27:19.757893+00
3900	1	p000108	p000105	ADD	2026-12-07 23:27:19.757893+00
3950	1	p000108	p000106	ADD	2026-12-07 23:27:19.757893+00
4000	1	p000108	p000107	ADD	2026-12-07 23:27:19.757893+00
4050	1	p000108	p000109	ADD	2026-12-07 23:27:19.757893+00
4100	1	p000109	p000100	ADD	2026-12-07 23:27:19.757893+00
4150	1	p000109	p000101	ADD	2026-12-07 23:27:19.757893+00
4200	1	p000109	p000102	ADD	2026-12-07 23:27:19.757893+00
4250	1	p000109	p000103	ADD	2026-12-07 23:27:19.757893+00
4300	1	p000109	p000104	ADD	2026-12-07 23:27:19.757893+00
4350	1	p000109	p000105	ADD	2026-12-07 23:27:19.757893+00
4400	1	p000109	p000106	ADD	2026-12-07 23:27:19.757893+00
4450	1	p000109	p000107	ADD	2026-12-07 23:27:19.757893+00
4500	1	p000109	p000108	ADD	2026-12-07 23:27:19.757893+00
4550	1	p000110	p000111	ADD	2026-12-07 23:27:19.757893+00
4600	1	p000110	p000112	ADD	2026-12-07 23:27:19.757893+00
4650	1	p000110	p000113	ADD	2026-12-07 23:27:19.757893+00
4700	1	p000110	p000114	ADD	2026-12-07 23:27:19.757893+00
4750	1	p000110	p000115	ADD	2026-12-07 23:27:19.757893+00
4800	1	p000110	p000116	ADD	2026-12-07 23:27:19.757893+00
4850	1	p000110	p000117	ADD	2026-12-07 23:27:19.757893+00
4900	1	p000110	p000118	ADD	2026-12-07 23:27:19.757893+00
4950	1	p000110	p000119	ADD	2026-12-07 23:27:19.757893+00
5000	1	p000111	p000110	ADD	2026-12-07 23:27:19.757893+00
5050	1	p000111	p000112	ADD	2026-12-07 23:27:19.757893+00
5100	1	p000111	p000113	ADD	2026-12-07 23:27:19.757893+00
5150	1	p000111	p000114	ADD	2026-12-07 23:27:19.757893+00
5200	1	p000111	p000115	ADD	2026-12-07 23:27:19.757893+00
5250	1	p000111	p000116	ADD	2026-12-07 23:27:19.757893+00
5300	1	p000111	p000117	ADD	2026-12-07 23:27:19.757893+00
5350	1	p000111	p000118	ADD	2026-12-07 23:27:19.757893+00
5400	1	p000111	p000119	ADD	2026-12-07 23:27:19.757893+00
5450	1	p000112	p000110	ADD	2026-12-07 23:27:19.757893+00
5500	1	p000112	p000111	ADD	2026-12-07 23:27:19.757893+00
5550	1	p000112	p000113	ADD	2026-12-07 23:27:19.757893+00
5600	1	p000112	p000114	ADD	2026-12-07 23:27:19.757893+00
5650	1	p000112	p000115	ADD	2026-12-07 23:27:19.757893+00
5700	1	p000112	p000116	ADD	2026-12-07 23:27:19.757893+00
5750	1	p000112	p000117	ADD	2026-12-07 23:27:19.757893+00
5800	1	p000112	p000118	ADD	2026-12-07 23:27:19.757893+00
5850	1	p000112	p000119	ADD	2026-12-07 23:27:19.757893+00
5900	1	p000113	p000110	ADD	2026-12-07 23:27:19.757893+00
5950	1	p000113	p000111	ADD	2026-12-07 23:27:19.757893+00
6000	1	p000113	p000112	ADD	2026-12-07 23:27:19.757893+00
6050	1	p000113	p000114	ADD	2026-12-07 23:27:19.757893+00
6100	1	p000113	p000115	ADD	2026-12-07 23:27:19.757893+00
6150	1	p000113	p000116	ADD	2026-12-07 23:27:19.757893+00
6200	1	p000113	p000117	ADD	2026-12-07 23:27:19.757893+00
6250	1	p000113	p000118	ADD	2026-12-07 23:27:19.757893+00
6300	1	p000113	p000119	ADD	2026-12-07 23:27:19.757893+00
6350	1	p000114	p000110	ADD	2026-12-07 23:27:19.757893+00
6400	1	p000114	p000111	ADD	2026-12-07 23:27:19.757893+00
6450	1	p000114	p000112	ADD	2026-12-07 23:27:19.757893+00
6500	1	p000114	p000113	ADD	2026-12-07 23:27:19.757893+00
6550	1	p000114	p000115	ADD	2026-12-07 23:27:19.757893+00
6600	1	p000114	p000116	ADD	2026-12-07 23:27:19.757893+00
6650	1	p000114	p000117	ADD	2026-12-07 23:27:19.757893+00
6700	1	p000114	p000118	ADD	2026-12-07 23:27:19.757893+00
6750	1	p000114	p000119	ADD	2026-12-07 23:27:19.757893+00
6800	1	p000115	p000110	ADD	2026-12-07 23:27:19.757893+00
6850	1	p000115	p000111	ADD	2026-12-07 23:27:19.757893+00
6900	1	p000115	p000112	ADD	2026-12-07 23:27:19.757893+00
6950	1	p000115	p000113	ADD	2026-12-07 23:27:19.757893+00
7000	1	p000115	p000114	ADD	2026-12-07 23:27:19.757893+00
7050	1	p000115	p000116	ADD	2026-12-07 23:27:19.757893+00
7100	1	p000115	p000117	ADD	2026-12-07 23:27:19.757893+00
7150	1	p000115	p000118	ADD	2026-12-07 23:27:19.757893+00
7200	1	p000115	p000119	ADD	2026-12-07 23:27:19.757893+00
7250	1	p000116	p000110	ADD	2026-12-07 23:27:19.757893+00
7300	1	p000116	p000111	ADD	2026-12-07 23:27:19.757893+00
7350	1	p000116	p000112	ADD	2026-12-07 23:27:19.757893+00
7400	1	p000116	p000113	ADD	2026-12-07 23:27:19.757893+00
7450	1	p000116	p000114	ADD	2026-12-07 23:27:19.757893+00
7500	1	p000116	p000115	ADD	2026-12-07 23:27:19.757893+00
7550	1	p000116	p000117	ADD	2026-12-07 23:27:19.757893+00
7600	1	p000116	p000118	ADD	2026-12-07 23:27:19.757893+00
7650	1	p000116	p000119	ADD	2026-12-07 23:27:19.757893+00
7700	1	p000117	p000110	ADD	2026-12-07 23:27:19.757893+00
7750	1	p000117	p000111	ADD	2026-12-07 23:27:19.757893+00
7800	1	p000117	p000112	ADD	2026-12-07 23:27:19.757893+00
7850	1	p000117	p000113	ADD	2026-12-07 23:27:19.757893+00
7900	1	p000117	p000114	ADD	2026-12-07 23:27:19.757893+00
7950	1	p000117	p000115	ADD	2026-12-07 23:27:19.757893+00
8000	1	p000117	p000116	ADD	2026-12-07 23:27:19.757893+00
8050	1	p000117	p000118	ADD	2026-12-07 23:27:19.757893+00
8100	1	p000117	p000119	ADD	2026-12-07 23:27:19.757893+00
8150	1	p000118	p000110	ADD	2026-12-07 23:27:19.757893+00
8200	1	p000118	p000111	ADD	2026-12-07 23:27:19.757893+00
8250	1	p000118	p000112	ADD	2026-12-07 23:27:19.757893+00
8300	1	p000118	p000113	ADD	2026-12-07 23:27:19.757893+00
8350	1	p000118	p000114	ADD	2026-12-07 23:27:19.757893+00
8400	1	p000118	p000115	ADD	2026-12-07 23:27:19.757893+00
8450	1	p000118	p000116	ADD	2026-12-07 23:27:19.757893+00
8500	1	p000118	p000117	ADD	2026-12-07 23:27:19.757893+00
8550	1	p000118	p000119	ADD	2026-12-07 23:27:19.757893+00
8600	1	p000119	p000110	ADD	2026-12-07 23:27:19.757893+00
8650	1	p000119	p000111	ADD	2026-12-07 23:27:19.757893+00
8700	1	p000119	p000112	ADD	2026-12-07 23:27:19.757893+00
8750	1	p000119	p000113	ADD	2026-12-07 23:27:19.757893+00
8800	1	p000119	p000114	ADD	2026-12-07 23:27:19.757893+00
8850	1	p000119	p000115	ADD	2026-12-07 23:27:19.757893+00
8900	1	p000119	p000116	ADD	2026-12-07 23:27:19.757893+00
8950	1	p000119	p000117	ADD	2026-12-07 23:27:19.757893+00
9000	1	p000119	p000118	ADD	2026-12-07 23:27:19.757893+00
9050	1	p000120	p000121	ADD	2026-12-07 23:27:19.757893+00
9100	1	p000120	p000122	ADD	2026-12-07 23:27:19.757893+00
9150	1	p000120	p000123	ADD	2026-12-07 23:27:19.757893+00
9200	1	p000120	p000124	ADD	2026-12-07 23:27:19.757893+00
9250	1	p000120	p000125	ADD	2026-12-07 23:27:19.757893+00
9300	1	p000120	p000126	ADD	2026-12-07 23:27:19.757893+00
9350	1	p000120	p000127	ADD	2026-12-07 23:27:19.757893+00
9400	1	p000120	p000128	ADD	2026-12-07 23:27:19.757893+00
9450	1	p000120	p000129	ADD	2026-12-07 23:27:19.757893+00
9500	1	p000121	p000120	ADD	2026-12-07 23:27:19.757893+00
9550	1	p000121	p000122	ADD	2026-12-07 23:27:19.757893+00
9600	1	p000121	p000123	ADD	2026-12-07 23:27:19.757893+00
9650	1	p000121	p000124	ADD	2026-12-07 23:27:19.757893+00
9700	1	p000121	p000125	ADD	2026-12-07 23:27:19.757893+00
9750	1	p000121	p000126	ADD	2026-12-07 23:27:19.757893+00
9800	1	p000121	p000127	ADD	2026-12-07 23:27:19.757893+00
9850	1	p000121	p000128	ADD	2026-12-07 23:27:19.757893+00
9900	1	p000121	p000129	ADD	2026-12-07 23:27:19.757893+00
9950	1	p000122	p000120	ADD	2026-12-07 23:27:19.757893+00
10000	1	p000122	p000121	ADD	2026-12-07 23:27:19.757893+00
10050	1	p000122	p000123	ADD	2026-12-07 23:27:20.353099+00
10100	1	p000122	p000124	ADD	2026-12-07 23:27:20.353099+00
10150	1	p000122	p000125	ADD	2026-12-07 23:27:20.353099+00
10200	1	p000122	p000126	ADD	2026-12-07 23:27:20.353099+00
10250	1	p000122	p000127	ADD	2026-12-07 23:27:20.353099+00
10300	1	p000122	p000128	ADD	2026-12-07 23:27:20.353099+00
10350	1	p000122	p000129	ADD	2026-12-07 23:27:20.353099+00
10400	1	p000123	p000120	ADD	2026-12-07 23:27:20.353099+00
10450	1	p000123	p000121	ADD	2026-12-07 23:27:20.353099+00
10500	1	p000123	p000122	ADD	2026-12-07 23:27:20.353099+00
10550	1	p000123	p000124	ADD	2026-12-07 23:27:20.353099+00
10600	1	p000123	p000125	ADD	2026-12-07 23:27:20.353099+00
10650	1	p000123	p000126	ADD	2026-12-07 23:27:20.353099+00
10700	1	p000123	p000127	ADD	2026-12-07 23:27:20.353099+00
10750	1	p000123	p000128	ADD	2026-12-07 23:27:20.353099+00
10800	1	p000123	p000129	ADD	2026-12-07 23:27:20.353099+00
10850	1	p000124	p000120	ADD	2026-12-07 23:27:20.353099+00
10900	1	p000124	p000121	ADD	2026-12-07 23:27:20.353099+00
10950	1	p000124	p000122	ADD	2026-12-07 23:27:20.353099+00
11000	1	p000124	p000123	ADD	2026-12-07 23:27:20.353099+00
11050	1	p000124	p000125	ADD	2026-12-07 23:27:20.353099+00
11100	1	p000124	p000126	ADD	2026-12-07 23:27:20.353099+00
11150	1	p000124	p000127	ADD	2026-12-07 23:27:20.353099+00
11200	1	p000124	p000128	ADD	2026-12-07 23:27:20.353099+00
11250	1	p000124	p000129	ADD	2026-12-07 23:27:20.353099+00
11300	1	p000125	p000120	ADD	2026-12-07 23:27:20.353099+00
11350	1	p000125	p000121	ADD	2026-12-07 23:27:20.353099+00
11400	1	p000125	p000122	ADD	2026-12-07 23:27:20.353099+00
11450	1	p000125	p000123	ADD	2026-12-07 23:27:20.353099+00
11500	1	p000125	p000124	ADD	2026-12-07 23:27:20.353099+00
11550	1	p000125	p000126	ADD	2026-12-07 23:27:20.353099+00
11600	1	p000125	p000127	ADD	2026-12-07 23:27:20.353099+00
11650	1	p000125	p000128	ADD	2026-12-07 23:27:20.353099+00
11700	1	p000125	p000129	ADD	2026-12-07 23:27:20.353099+00
11750	1	p000126	p000120	ADD	2026-12-07 23:27:20.353099+00
11800	1	p000126	p000121	ADD	2026-12-07 23:27:20.353099+00
11850	1	p000126	p000122	ADD	2026-12-07 23:27:20.353099+00
11900	1	p000126	p000123	ADD	2026-12-07 23:27:20.353099+00
11950	1	p000126	p000124	ADD	2026-12-07 23:27:20.353099+00
12000	1	p000126	p000125	ADD	2026-12-07 23:27:20.353099+00
12050	1	p000126	p000127	ADD	2026-12-07 23:27:20.353099+00
12100	1	p000126	p000128	ADD	2026-12-07 23:27:20.353099+00
12150	1	p000126	p000129	ADD	2026-12-07 23:27:20.353099+00
12200	1	p000127	p000120	ADD	2026-12-07 23:27:20.353099+00
12250	1	p000127	p000121	ADD	2026-12-07 23:27:20.353099+00
12300	1	p000127	p000122	ADD	2026-12-07 23:27:20.353099+00
12350	1	p000127	p000123	ADD	2026-12-07 23:27:20.353099+00
12400	1	p000127	p000124	ADD	2026-12-07 23:27:20.353099+00
12450	1	p000127	p000125	ADD	2026-12-07 23:27:20.353099+00
12500	1	p000127	p000126	ADD	2026-12-07 23:27:20.353099+00
12550	1	p000127	p000128	ADD	2026-12-07 23:27:20.353099+00
12600	1	p000127	p000129	ADD	2026-12-07 23:27:20.353099+00
12650	1	p000128	p000120	ADD	2026-12-07 23:27:20.353099+00
12700	1	p000128	p000121	ADD	2026-12-07 23:27:20.353099+00
12750	1	p000128	p000122	ADD	2026-12-07 23:27:20.353099+00
12800	1	p000128	p000123	ADD	2026-12-07 23:27:20.353099+00
12850	1	p000128	p000124	ADD	2026-12-07 23:27:20.353099+00
12900	1	p000128	p000125	ADD	2026-12-07 23:27:20.353099+00
12950	1	p000128	p000126	ADD	2026-12-07 23:27:20.353099+00
13000	1	p000128	p000127	ADD	2026-12-07 23:27:20.353099+00
13050	1	p000128	p000129	ADD	2026-12-07 23:27:20.353099+00
13100	1	p000129	p000120	ADD	2026-12-07 23:27:20.353099+00
13150	1	p000129	p000121	ADD	2026-12-07 23:27:20.353099+00
13200	1	p000129	p000122	ADD	2026-12-07 23:27:20.353099+00
13250	1	p000129	p000123	ADD	2026-12-07 23:27:20.353099+00
13300	1	p000129	p000124	ADD	2026-12-07 23:27:20.353099+00
13350	1	p000129	p000125	ADD	2026-12-07 23:27:20.353099+00
13400	1	p000129	p000126	ADD	2026-12-07 23:27:20.353099+00
13450	1	p000129	p000127	ADD	2026-12-07 23:27:20.353099+00
13500	1	p000129	p000128	ADD	2026-12-07 23:27:20.353099+00
13550	2	p000100	x000001	ADD	2026-12-07 23:27:31.241476+00
13600	2	p000100	x000002	ADD	2026-12-07 23:27:31.241476+00
13650	2	p000100	x000003	ADD	2026-12-07 23:27:31.241476+00
13700	2	p000100	p000102	REMOVE	2026-12-07 23:27:31.241476+00
13750	2	p000101	x000001	ADD	2026-12-07 23:27:31.241476+00
13800	2	p000101	x000002	ADD	2026-12-07 23:27:31.241476+00
13850	2	p000101	x000003	ADD	2026-12-07 23:27:31.241476+00
13900	2	p000101	p000102	REMOVE	2026-12-07 23:27:31.241476+00
13950	2	p000102	p000100	REMOVE	2026-12-07 23:27:31.241476+00
14000	2	p000102	p000101	REMOVE	2026-12-07 23:27:31.241476+00
14050	2	p000102	p000103	REMOVE	2026-12-07 23:27:31.241476+00
14100	2	p000102	p000104	REMOVE	2026-12-07 23:27:31.241476+00
14150	2	p000102	p000105	REMOVE	2026-12-07 23:27:31.241476+00
14200	2	p000102	p000106	REMOVE	2026-12-07 23:27:31.241476+00
14250	2	p000102	p000107	REMOVE	2026-12-07 23:27:31.241476+00
14300	2	p000102	p000108	REMOVE	2026-12-07 23:27:31.241476+00
14350	2	p000102	p000109	REMOVE	2026-12-07 23:27:31.241476+00
14400	2	p000103	x000001	ADD	2026-12-07 23:27:31.241476+00
14450	2	p000103	x000002	ADD	2026-12-07 23:27:31.241476+00
14500	2	p000103	x000003	ADD	2026-12-07 23:27:31.241476+00
14550	2	p000103	p000102	REMOVE	2026-12-07 23:27:31.241476+00
14600	2	p000104	x000001	ADD	2026-12-07 23:27:31.241476+00
14650	2	p000104	x000002	ADD	2026-12-07 23:27:31.241476+00
14700	2	p000104	x000003	ADD	2026-12-07 23:27:31.241476+00
14750	2	p000104	p000102	REMOVE	2026-12-07 23:27:31.241476+00
14800	2	p000105	x000001	ADD	2026-12-07 23:27:31.241476+00
14850	2	p000105	x000002	ADD	2026-12-07 23:27:31.241476+00
14900	2	p000105	x000003	ADD	2026-12-07 23:27:31.241476+00
14950	2	p000105	p000102	REMOVE	2026-12-07 23:27:31.241476+00
15000	2	p000106	x000001	ADD	2026-12-07 23:27:31.241476+00
15050	2	p000106	x000002	ADD	2026-12-07 23:27:31.241476+00
15100	2	p000106	x000003	ADD	2026-12-07 23:27:31.241476+00
15150	2	p000106	p000102	REMOVE	2026-12-07 23:27:31.241476+00
15200	2	p000107	x000001	ADD	2026-12-07 23:27:31.241476+00
15250	2	p000107	x000002	ADD	2026-12-07 23:27:31.241476+00
15300	2	p000107	x000003	ADD	2026-12-07 23:27:31.241476+00
15350	2	p000107	p000102	REMOVE	2026-12-07 23:27:31.241476+00
15400	2	p000108	x000001	ADD	2026-12-07 23:27:31.241476+00
15450	2	p000108	x000002	ADD	2026-12-07 23:27:31.241476+00
15500	2	p000108	x000003	ADD	2026-12-07 23:27:31.241476+00
15550	2	p000108	p000102	REMOVE	2026-12-07 23:27:31.241476+00
15600	2	p000109	x000001	ADD	2026-12-07 23:27:31.241476+00
15650	2	p000109	x000002	ADD	2026-12-07 23:27:31.241476+00
15700	2	p000109	x000003	ADD	2026-12-07 23:27:31.241476+00
15750	2	p000109	p000102	REMOVE	2026-12-07 23:27:31.241476+00
15800	2	x000001	p000100	ADD	2026-12-07 23:27:31.241476+00
15850	2	x000001	p000101	ADD	2026-12-07 23:27:31.241476+00
15900	2	x000001	p000103	ADD	2026-12-07 23:27:31.241476+00
15950	2	x000001	p000104	ADD	2026-12-07 23:27:31.241476+00
16000	2	x000001	p000105	ADD	2026-12-07 23:27:31.241476+00
16050	2	x000001	p000106	ADD	2026-12-07 23:27:31.241476+00
16100	2	x000001	p000107	ADD	2026-12-07 23:27:31.241476+00
16150	2	x000001	p000108	ADD	2026-12-07 23:27:31.241476+00
16200	2	x000001	p000109	ADD	2026-12-07 23:27:31.241476+00
16250	2	x000001	x000002	ADD	2026-12-07 23:27:31.241476+00
16300	2	x000001	x000003	ADD	2026-12-07 23:27:31.241476+00
16350	2	x000002	p000100	ADD	2026-12-07 23:27:31.241476+00
16400	2	x000002	p000101	ADD	2026-12-07 23:27:31.241476+00
16450	2	x000002	p000103	ADD	2026-12-07 23:27:31.241476+00
16500	2	x000002	p000104	ADD	2026-12-07 23:27:31.241476+00
16550	2	x000002	p000105	ADD	2026-12-07 23:27:31.241476+00
16600	2	x000002	p000106	ADD	2026-12-07 23:27:31.241476+00
16650	2	x000002	p000107	ADD	2026-12-07 23:27:31.241476+00
16700	2	x000002	p000108	ADD	2026-12-07 23:27:31.241476+00
16750	2	x000002	p000109	ADD	2026-12-07 23:27:31.241476+00
16800	2	x000002	x000001	ADD	2026-12-07 23:27:31.241476+00
16850	2	x000002	x000003	ADD	2026-12-07 23:27:31.241476+00
16900	2	x000003	p000100	ADD	2026-12-07 23:27:31.241476+00
16950	2	x000003	p000101	ADD	2026-12-07 23:27:31.241476+00
17000	2	x000003	p000103	ADD	2026-12-07 23:27:31.241476+00
17050	2	x000003	p000104	ADD	2026-12-07 23:27:31.241476+00
17100	2	x000003	p000105	ADD	2026-12-07 23:27:31.241476+00
17150	2	x000003	p000106	ADD	2026-12-07 23:27:31.241476+00
17200	2	x000003	p000107	ADD	2026-12-07 23:27:31.241476+00
17250	2	x000003	p000108	ADD	2026-12-07 23:27:31.241476+00
17300	2	x000003	p000109	ADD	2026-12-07 23:27:31.241476+00
17350	2	x000003	x000001	ADD	2026-12-07 23:27:31.241476+00
17400	2	x000003	x000002	ADD	2026-12-07 23:27:31.241476+00
\.


--
-- Data for Name: directory_source; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.directory_source (id, kind, display_name, precedence, enabled, settings, secrets, created_at, updated_at, updated_by, version) FROM stdin;
partners	ldap	Partner directory	50	t	{"allow-insecure":"true","base-dn":"ou=partners,dc=upgrade,dc=test","bind-dn":"cn=roster-reader,dc=upgrade,dc=test","url":"ldap://localhost:33161"}	v1:fvjn+m2ygr+BiXdq2I4+w77OEsvaSCMghnMENLcvSECUtsOQyi/+AOogjW9fpplp6e3UCpzvc4V7UyU=	2026-12-07 23:27:23.705625+00	2026-12-07 23:27:23.706296+00	admin	1
\.


--
-- Data for Name: employee; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.employee (id, reference, given_name, surname, display_name, mobile, work_phone, mail, department, location, title, employee_type, manager, status, in_scope, scope_rule, scope_reason, last_seen_run, updated_at, gone_at, account_disabled, opt_out, consent, reference_key, manager_key, contact_allowed, read_fingerprint, fingerprint) FROM stdin;
p000102	uid=p000102,ou=people,dc=upgrade,dc=test	Cleo	Claßen	\N	+4915170000102	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	f	opt-out	opted out	2	2026-12-07 23:27:26.450329+00	\N	\N	\N	\N	uid=p000102,ou=people,dc=upgrade,dc=test	\N	f	\N	Tsv68JWkUQDP3VBKYw5FZA
p000100	uid=p000100,ou=people,dc=upgrade,dc=test	Ada	Abel	\N	+4915170000100	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000100,ou=people,dc=upgrade,dc=test	\N	t	cePKhYN5Ki97KxYjmqr8-w	aU9QNC6NPVgsvNErQO5-Nw
p000101	uid=p000101,ou=people,dc=upgrade,dc=test	Ben	Brandt	\N	+4915170000101	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000101,ou=people,dc=upgrade,dc=test	\N	t	JeuTUHYauJxFj1eRjs1NRA	fQJBNVKMtoMMY13mewgfTQ
p000103	uid=p000103,ou=people,dc=upgrade,dc=test	Dara	Dietz	\N	+4915170000103	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000103,ou=people,dc=upgrade,dc=test	\N	t	QY70axIkrUUCTAwD3Z9JLw	xkn9FhLltmYySoAPZcTkVQ
p000104	uid=p000104,ou=people,dc=upgrade,dc=test	Emil	Ebert	\N	+4915170000104	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000104,ou=people,dc=upgrade,dc=test	\N	t	xlY9VG5T6X2Aqs7fHFu40w	wnczO79EZeW59IA6SduhzA
p000105	uid=p000105,ou=people,dc=upgrade,dc=test	Fenja	Fuchs	\N	+4915170000105	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000105,ou=people,dc=upgrade,dc=test	\N	t	cdgofOX8qWy45tF3UxpoLQ	8xgKyFpd16cshbBEQ5uzVw
p000106	uid=p000106,ou=people,dc=upgrade,dc=test	Gero	Gödde	\N	+4915170000106	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000106,ou=people,dc=upgrade,dc=test	\N	t	GUNsxhTKA6r3eloqCeoWrA	5Iq5JPowXhB2l57Ddhk6qg
p000107	uid=p000107,ou=people,dc=upgrade,dc=test	Hanna	Haas	\N	+4915170000107	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000107,ou=people,dc=upgrade,dc=test	\N	t	ebbawau5jGfSegN69amWZw	FdBRsseRMnLaigPVjU5Ikw
p000108	uid=p000108,ou=people,dc=upgrade,dc=test	Ivo	Imhof	\N	+4915170000108	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000108,ou=people,dc=upgrade,dc=test	\N	t	5vG4e1KI6G-EfK2dCoKD1A	wIDToUxtHLgmHQeCOIhH8g
p000109	uid=p000109,ou=people,dc=upgrade,dc=test	Jule	Jäger	\N	+4915170000109	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000109,ou=people,dc=upgrade,dc=test	\N	t	LspbTO2dkD9fxmpRHJ_QjQ	Wul0b4w0atKIEl8gtgvxDA
p000110	uid=p000110,ou=people,dc=upgrade,dc=test	Kemal	Kraus	\N	+4915170000110	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000110,ou=people,dc=upgrade,dc=test	\N	t	_L6CLhq4Ba6yoq4GsMjmEw	me3dgRrXIj7Ybzp-enwdpw
p000111	uid=p000111,ou=people,dc=upgrade,dc=test	Lina	Lenz	\N	+4915170000111	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000111,ou=people,dc=upgrade,dc=test	\N	t	HouwbesFY4vxG343QeQA9g	IRY9SDW6XgffJdyQj-EW0g
p000112	uid=p000112,ou=people,dc=upgrade,dc=test	Milo	Maier	\N	+4915170000112	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000112,ou=people,dc=upgrade,dc=test	\N	t	zJYktQ8euOrPaEq_Ev4XCQ	u__BQMcbW4o81ZzHs7DDDQ
p000113	uid=p000113,ou=people,dc=upgrade,dc=test	Nele	Naumann	\N	+4915170000113	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000113,ou=people,dc=upgrade,dc=test	\N	t	f8mWFF0kGTzMHtlGScvcBw	gWiCbsxRUZKFHq6S84dGmQ
p000114	uid=p000114,ou=people,dc=upgrade,dc=test	Oskar	Otte	\N	+4915170000114	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000114,ou=people,dc=upgrade,dc=test	\N	t	81L5owp2bojM8xwuxuj1aw	8qUr1Dto8FqXGM_zLI37qA
p000115	uid=p000115,ou=people,dc=upgrade,dc=test	Pia	Pohl	\N	+4915170000115	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000115,ou=people,dc=upgrade,dc=test	\N	t	10mOJQufjjDFgzfsMEenAw	4SyE5WuXP3OTdWuWGnCDOA
p000116	uid=p000116,ou=people,dc=upgrade,dc=test	Quirin	Quast	\N	+4915170000116	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000116,ou=people,dc=upgrade,dc=test	\N	t	rvLygv8NwOU0HrQ4duxw2A	J1pP3aqJs0EJqGgT_-hURw
p000117	uid=p000117,ou=people,dc=upgrade,dc=test	Rosa	Roth	\N	+4915170000117	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000117,ou=people,dc=upgrade,dc=test	\N	t	KxUaVG3BH9LF6ikcQMK7dQ	ua7tl-N-JIqNR-4ew7gA7A
p000118	uid=p000118,ou=people,dc=upgrade,dc=test	Sven	Sauer	\N	+4915170000118	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000118,ou=people,dc=upgrade,dc=test	\N	t	U2noehAExfzJc06ERfR40Q	_vRP9867ASo6JGja33zkLQ
p000119	uid=p000119,ou=people,dc=upgrade,dc=test	Tilda	Thiel	\N	+4915170000119	\N	\N	Support	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000119,ou=people,dc=upgrade,dc=test	\N	t	MYynFVmgfvIPyHXtKobzHg	ZZ40BfyfWYuqTE9eW7N1Pw
p000120	uid=p000120,ou=people,dc=upgrade,dc=test	Uwe	Ulrich	\N	+4915170000120	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000120,ou=people,dc=upgrade,dc=test	\N	t	rpAcMQlo3R9OAWdD58D79A	phWFozbTafn13Z7UBh64UA
p000121	uid=p000121,ou=people,dc=upgrade,dc=test	Vera	Vogel	\N	+4915170000121	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000121,ou=people,dc=upgrade,dc=test	\N	t	MyGGdzng2d0Iw2WnXZO6_g	kCkyrMpHlizag35E4iCiEA
p000122	uid=p000122,ou=people,dc=upgrade,dc=test	Wim	Wendt	\N	+4915170000122	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000122,ou=people,dc=upgrade,dc=test	\N	t	_YKhwYybfubrgJdR3BubGg	vwBY0wXUBw7_XKGD0aEsWg
p000123	uid=p000123,ou=people,dc=upgrade,dc=test	Xenia	Xander	\N	+4915170000123	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000123,ou=people,dc=upgrade,dc=test	\N	t	Rm0dQg8WSAK6GxH7fPzh3w	AQmtDnVxqlfa7FqWkdHIrg
p000124	uid=p000124,ou=people,dc=upgrade,dc=test	Yann	Yilmaz	\N	+4915170000124	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000124,ou=people,dc=upgrade,dc=test	\N	t	8ilnAIVIz4myaIoyskgIyw	s6LVNveRBwn8GJyrs_f9eg
p000125	uid=p000125,ou=people,dc=upgrade,dc=test	Zora	Zeller	\N	+4915170000125	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000125,ou=people,dc=upgrade,dc=test	\N	t	A5CBz6ZGAFFqBjlVUQr_PA	jnnXiQQQAiMWN1EEWHosfw
p000126	uid=p000126,ou=people,dc=upgrade,dc=test	Arne	Arndt	\N	+4915170000126	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000126,ou=people,dc=upgrade,dc=test	\N	t	C-QLEfNzjf441BGyZVjF5A	qUhMkl3-oQwn-li9Yaxm4g
p000127	uid=p000127,ou=people,dc=upgrade,dc=test	Bea	Böhm	\N	+4915170000127	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000127,ou=people,dc=upgrade,dc=test	\N	t	hurmhOsrJbILG5bvTV4wPw	RgGYuusnNyyw6ER252tRKQ
p000128	uid=p000128,ou=people,dc=upgrade,dc=test	Cem	Cordes	\N	+4915170000128	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000128,ou=people,dc=upgrade,dc=test	\N	t	dZWiw_GTw1tnYR8QMd8UGg	HEw-kpHDU8OZS1bHOE81vg
p000129	uid=p000129,ou=people,dc=upgrade,dc=test	Dörte	Dreier	\N	+4915170000129	\N	\N	Finance	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:16.442863+00	\N	\N	\N	\N	uid=p000129,ou=people,dc=upgrade,dc=test	\N	t	nngitfW4OYboNoUDqr-zMw	EfoCoyZCVb-ysP80aOJgrQ
x000001	uid=x000001,ou=partners,dc=upgrade,dc=test	Emma	Partner	\N	+4916050000001	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:27.867311+00	\N	\N	\N	\N	uid=x000001,ou=partners,dc=upgrade,dc=test	\N	t	\N	D73pfOQDOXBkYtyWHeuyrg
x000002	uid=x000002,ou=partners,dc=upgrade,dc=test	Finn	Berater	\N	+4916050000002	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:27.867311+00	\N	\N	\N	\N	uid=x000002,ou=partners,dc=upgrade,dc=test	\N	t	\N	-1i4ek3tZdbfmAerPUSs_A
x000003	uid=x000003,ou=partners,dc=upgrade,dc=test	Greta	Extern	\N	+4916050000003	\N	\N	Sales	\N	\N	\N	\N	ACTIVE	t	all-scope-rules-passed	\N	2	2026-12-07 23:27:27.867311+00	\N	\N	\N	\N	uid=x000003,ou=partners,dc=upgrade,dc=test	\N	t	\N	veugmhfVAoU-pZAAXs6G9g
\.


--
-- Data for Name: employee_group; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.employee_group (employee_id, group_dn) FROM stdin;
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	initial schema	SQL	V1__initial_schema.sql	-1576404038	roster_owner	2026-12-07 23:26:40.992531	395	t
2	2	audit trail	SQL	V2__audit_trail.sql	361727200	roster_owner	2026-12-07 23:26:42.252835	130	t
3	3	policy language	SQL	V3__policy_language.sql	1635253624	roster_owner	2026-12-07 23:26:42.662747	142	t
4	4	policy versions	SQL	V4__policy_versions.sql	752369297	roster_owner	2026-12-07 23:26:42.992367	70	t
5	5	removal guard	SQL	V5__removal_guard.sql	-824982411	roster_owner	2026-12-07 23:26:43.310887	49	t
6	6	audit checkpoints	SQL	V6__audit_checkpoints.sql	-634016669	roster_owner	2026-12-07 23:26:43.465425	45	t
7	7	delivery counts	SQL	V7__delivery_counts.sql	-1778203746	roster_owner	2026-12-07 23:26:43.599336	39	t
8	8	outbox	SQL	V8__outbox.sql	1972993611	roster_owner	2026-12-07 23:26:43.821536	184	t
9	9	schedules	SQL	V9__schedules.sql	-607192033	roster_owner	2026-12-07 23:26:44.21281	78	t
10	10	viewer digests	SQL	V10__viewer_digests.sql	-1918201093	roster_owner	2026-12-07 23:26:44.463624	54	t
11	11	incremental reads	SQL	V11__incremental_reads.sql	-1416550897	roster_owner	2026-12-07 23:26:44.72991	100	t
12	12	managed sources	SQL	V12__managed_sources.sql	746555237	roster_owner	2026-12-07 23:26:44.997967	159	t
13	13	app passwords	SQL	V13__app_passwords.sql	1611101335	roster_owner	2026-12-07 23:26:45.756813	52	t
14	14	telegram	SQL	V14__telegram.sql	-2130381054	roster_owner	2026-12-07 23:26:45.898798	193	t
15	15	read fingerprints	SQL	V15__read_fingerprints.sql	987342814	roster_owner	2026-12-07 23:26:46.220918	15	t
16	16	rejected reads	SQL	V16__rejected_reads.sql	237596254	roster_owner	2026-12-07 23:26:46.271164	21	t
17	17	viewer count and fingerprints	SQL	V17__viewer_count_and_fingerprints.sql	282951036	roster_owner	2026-12-07 23:26:46.326342	200	t
18	18	journal without run checks	SQL	V18__journal_without_run_checks.sql	-1870729226	roster_owner	2026-12-07 23:26:46.652755	146	t
19	19	audit record macs	SQL	V19__audit_record_macs.sql	-79958286	roster_owner	2026-12-07 23:26:46.910255	58	t
20	20	audit pruning by the owner	SQL	V20__audit_pruning_by_the_owner.sql	188220916	roster_owner	2026-12-07 23:26:47.020343	100	t
21	21	run starter	SQL	V21__run_starter.sql	2101529753	roster_owner	2026-12-07 23:26:47.185539	67	t
22	22	app password lookup	SQL	V22__app_password_lookup.sql	-151609676	roster_owner	2026-12-07 23:26:47.378725	125	t
23	23	audit sealing by the owner	SQL	V23__audit_sealing_by_the_owner.sql	-1369213051	roster_owner	2026-12-07 23:26:47.633615	64	t
\.


--
-- Data for Name: outbox; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.outbox (id, run_id, viewer_id, contact_id, action, fields, rule_id, state, attempts, last_error, created_at, delivered_at) FROM stdin;
\.


--
-- Data for Name: policy_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.policy_version (id, name, text, status, author, created_at, approved_by, approved_at, published_by, published_at, note) FROM stdin;
1	default	# The default policy: colleagues in the same department see each other's name and mobile number.\npolicy: default\ndescription: Colleagues in the same department see each other's given name, surname and mobile number.\n\nscope:\n  # only people with a mobile number can appear in a messenger's contact list\n  - id: has-mobile\n    require: mobile\n\n# what may leave Roster; every other field is withheld before anything is stored or delivered\nfields: [givenName, surname, mobile]\n\nvisibility:\n  - id: same-department\n    same: department\n	PUBLISHED	system	2026-12-07 23:26:56.994239+00	system	2026-12-07 23:26:56.994552+00	system	2026-12-07 23:26:56.994569+00	the policy configured at first start (roster.policy=default)
\.


--
-- Data for Name: rejected_read; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.rejected_read (employee_id, read_fingerprint, reference, reason) FROM stdin;
\.


--
-- Data for Name: run_rejection; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.run_rejection (id, run_id, reference, employee_id, reason) FROM stdin;
\.


--
-- Data for Name: schedule; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.schedule (source_id, kind, expression, zone, enabled, next_fire_at, last_fired_at, last_run_id, updated_by, updated_at) FROM stdin;
\.


--
-- Data for Name: self_service; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.self_service (employee_id, opted_out, opted_in, updated_at) FROM stdin;
p000102	t	f	2026-12-07 23:27:22.867524+00
\.


--
-- Data for Name: source_record; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.source_record (source_id, identity, merge_key, reference, precedence, field_values, groups, seen_run) FROM stdin;
directory	p000122	p000122	uid=p000122,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Wendt","mobile":"+4915170000122","givenName":"Wim"}	[]	2
directory	p000102	p000102	uid=p000102,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Claßen","mobile":"+4915170000102","givenName":"Cleo"}	[]	2
directory	p000120	p000120	uid=p000120,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Ulrich","mobile":"+4915170000120","givenName":"Uwe"}	[]	2
directory	p000109	p000109	uid=p000109,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Jäger","mobile":"+4915170000109","givenName":"Jule"}	[]	2
directory	p000110	p000110	uid=p000110,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Kraus","mobile":"+4915170000110","givenName":"Kemal"}	[]	2
directory	p000125	p000125	uid=p000125,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Zeller","mobile":"+4915170000125","givenName":"Zora"}	[]	2
directory	p000103	p000103	uid=p000103,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Dietz","mobile":"+4915170000103","givenName":"Dara"}	[]	2
directory	p000127	p000127	uid=p000127,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Böhm","mobile":"+4915170000127","givenName":"Bea"}	[]	2
directory	p000106	p000106	uid=p000106,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Gödde","mobile":"+4915170000106","givenName":"Gero"}	[]	2
directory	p000112	p000112	uid=p000112,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Maier","mobile":"+4915170000112","givenName":"Milo"}	[]	2
directory	p000121	p000121	uid=p000121,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Vogel","mobile":"+4915170000121","givenName":"Vera"}	[]	2
directory	p000123	p000123	uid=p000123,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Xander","mobile":"+4915170000123","givenName":"Xenia"}	[]	2
directory	p000128	p000128	uid=p000128,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Cordes","mobile":"+4915170000128","givenName":"Cem"}	[]	2
directory	p000107	p000107	uid=p000107,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Haas","mobile":"+4915170000107","givenName":"Hanna"}	[]	2
directory	p000113	p000113	uid=p000113,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Naumann","mobile":"+4915170000113","givenName":"Nele"}	[]	2
directory	p000126	p000126	uid=p000126,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Arndt","mobile":"+4915170000126","givenName":"Arne"}	[]	2
directory	p000111	p000111	uid=p000111,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Lenz","mobile":"+4915170000111","givenName":"Lina"}	[]	2
directory	p000129	p000129	uid=p000129,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Dreier","mobile":"+4915170000129","givenName":"Dörte"}	[]	2
directory	p000101	p000101	uid=p000101,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Brandt","mobile":"+4915170000101","givenName":"Ben"}	[]	2
directory	p000119	p000119	uid=p000119,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Thiel","mobile":"+4915170000119","givenName":"Tilda"}	[]	2
directory	p000124	p000124	uid=p000124,ou=people,dc=upgrade,dc=test	0	{"department":"Finance","surname":"Yilmaz","mobile":"+4915170000124","givenName":"Yann"}	[]	2
directory	p000100	p000100	uid=p000100,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Abel","mobile":"+4915170000100","givenName":"Ada"}	[]	2
directory	p000105	p000105	uid=p000105,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Fuchs","mobile":"+4915170000105","givenName":"Fenja"}	[]	2
directory	p000117	p000117	uid=p000117,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Roth","mobile":"+4915170000117","givenName":"Rosa"}	[]	2
directory	p000104	p000104	uid=p000104,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Ebert","mobile":"+4915170000104","givenName":"Emil"}	[]	2
directory	p000116	p000116	uid=p000116,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Quast","mobile":"+4915170000116","givenName":"Quirin"}	[]	2
directory	p000118	p000118	uid=p000118,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Sauer","mobile":"+4915170000118","givenName":"Sven"}	[]	2
directory	p000115	p000115	uid=p000115,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Pohl","mobile":"+4915170000115","givenName":"Pia"}	[]	2
directory	p000108	p000108	uid=p000108,ou=people,dc=upgrade,dc=test	0	{"department":"Sales","surname":"Imhof","mobile":"+4915170000108","givenName":"Ivo"}	[]	2
directory	p000114	p000114	uid=p000114,ou=people,dc=upgrade,dc=test	0	{"department":"Support","surname":"Otte","mobile":"+4915170000114","givenName":"Oskar"}	[]	2
partners	x000003	x000003	uid=x000003,ou=partners,dc=upgrade,dc=test	50	{"department":"Sales","surname":"Extern","mobile":"+4916050000003","givenName":"Greta"}	[]	2
partners	x000001	x000001	uid=x000001,ou=partners,dc=upgrade,dc=test	50	{"department":"Sales","surname":"Partner","mobile":"+4916050000001","givenName":"Emma"}	[]	2
partners	x000002	x000002	uid=x000002,ou=partners,dc=upgrade,dc=test	50	{"department":"Sales","surname":"Berater","mobile":"+4916050000002","givenName":"Finn"}	[]	2
\.


--
-- Data for Name: sync_run; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.sync_run (id, trigger_kind, dry_run, status, stage, progress, policy_name, platform, started_at, finished_at, source_complete, error, read_count, rejected_count, in_scope_count, excluded_count, gone_count, added_count, updated_count, removed_count, removal_limit, decided_by, delivered_count, failed_count, owner, heartbeat_at, scheduled_for, read_mode, watermark, started_by) FROM stdin;
1	manual	f	COMPLETED	DONE	100	default	journal	2026-12-07 23:27:07.958712+00	2026-12-07 23:27:20.784428+00	t	\N	30	0	30	0	0	270	0	0	\N	\N	270	0	roster-1	2026-12-07 23:27:20.67172+00	\N	full	\N	admin
2	manual	f	COMPLETED	DONE	100	default	journal	2026-12-07 23:27:24.517298+00	2026-12-07 23:27:31.383132+00	t	\N	33	0	32	1	0	60	0	18	13	admin2	78	0	roster-1	2026-12-07 23:27:31.34761+00	\N	full	\N	admin
\.


--
-- Data for Name: telegram_account; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.telegram_account (employee_id, session_key, status, linked_at, updated_at, paused_until, own_user_ids, own_numbers) FROM stdin;
\.


--
-- Data for Name: telegram_contact; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.telegram_contact (viewer_id, contact_id, state, intent, user_id, phone, first_name, last_name, reason, at) FROM stdin;
\.


--
-- Data for Name: telegram_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.telegram_key (viewer_id, idempotency_key, at) FROM stdin;
\.


--
-- Data for Name: viewer_count; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.viewer_count (only_row, viewers) FROM stdin;
t	32
\.


--
-- Data for Name: viewer_digest; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.viewer_digest (viewer_id, digest, contacts, run_id) FROM stdin;
p000110	Lsb5TEk9WGxlMyc34Yho1xj4LjRF_57IphI3gYYjGGs	9	1
p000111	lNr-grHocgobLkpaz0MqIK5M0u8LKgkc4mn3aqPesCM	9	1
p000112	ElpOUuwp0Evog2aEb9TvFm-PtBcwWtxTP6ga5CckXng	9	1
p000113	_vRY1m-6foUqzXZVKdVRcTPxOO3THYf8jJNV9Hf3E04	9	1
p000114	I3wSz52ny2kyrTK5NRNXGo0Q4vNgGE6UUBM6SNa4AR8	9	1
p000115	7yhbWcythUUKfv2TpVq22Yn31Tt_gnVoGCBXuxj5R8c	9	1
p000116	DFK_Dpfulbeo_2AcPI0yi0WU4v3bx_y6sT3KLUVBtxI	9	1
p000117	WlRSj3iDyqFKlJdxL6U3TMT41PDaj2IC-FMc_iIXnP0	9	1
p000118	WKmza9zQgcceR5Wlcx-fL-4vgvatIaHA3HQlHC32uFY	9	1
p000119	9Z77Qr-KNt2VmeqKr3bWcDD3r7KqVXeCWFNqmGiV-90	9	1
p000120	BxZg_vW2e02MXX93zCXAE5NnKdrOjNOKqUnmEP1nDVk	9	1
p000121	CrLGOZ0V7zN_DyWdPrgtQ6L0gzLBugE9XYh3yIZBkJs	9	1
p000122	laJKgjWEkIa6_uAmUDd7SBruRVSOE3_Fp7SLEKlc-ic	9	1
p000123	7W4QOl82InI6VNj_uwYbeckF1fhh-g7OAXaSANbgXoE	9	1
p000124	SEKhUzOOyUf3q2BbY817yA8BsJrTyirxGz-iONQeqBM	9	1
p000125	povwt0UmjKBp1jTtsg4E1iHBOzc1LJm8W20rnBFlSYc	9	1
p000126	Xvc8inXISbAXcW0Tq9J1PlEohDHk56U4CwdjYUpUEe4	9	1
p000127	xQocr-w5JZlha9Z3fJh1CbpnJXWYt_0Clgwnhym5S9U	9	1
p000128	LrtoRKq9joyWek0oHeBsQCNmFthCA3pnBXBu0wy2TLo	9	1
p000129	9W3wgdnhOsSCIu5ma5vhcmxG9XUfRuqnxcf8dyA96oI	9	1
p000100	RI_eDr6osJTujV5hRH4Ghul6ulH9JV9CkmMBCokEa_s	11	2
p000101	JoUUpFVgsHCHpCRi-5w2iqZgvyL5ieYBrUau1akHg1o	11	2
p000103	xuoBX9APkUIavaGlGO5lilBzWcN1HtQXvpbgtIY5zBc	11	2
p000104	rt6LpC1r6v4D0P8UEA_W5MPe8WNu8U-fQx9CtvM_C38	11	2
p000105	7FGZp38BRE2Rn3pAIDibemR5VXo15bsvSfKsQsLFpak	11	2
p000106	gTwdbnkH-XuOY34I-bqi8QkjEeUbUKSmtJxoH6RQnho	11	2
p000107	3leqshNXZUnniQGugGn5QcTtLkLRwZ_MIi4gJf2YH5w	11	2
p000108	FOL9EV1ma8HJ5qi2u5mLutg7FU0cekFlaiQGdwYEfCU	11	2
p000109	RAd6k5uq1FHjIQYBC6rt1CgnXDGUhgdjKyroUU9XqOs	11	2
x000001	Iwar6I3cXtlRM8faNRHQyBEPn2IW1TupZaOCZ8nQ4Bc	11	2
x000002	C-G4OlOpkqHgLnnDZxNM9XXIdH7Jq-NYiD7NJ9iWydY	11	2
x000003	aCJGb7zPQvCpyDXj-2zIl-KH8gsBOl49JWcacXQ-HeI	11	2
	eubeYgzI8BHLrp2GclAVYJCng_H45ZlajqUVUWSIg90	0	2
\.


--
-- Name: app_password_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.app_password_id_seq', 1, true);


--
-- Name: delivery_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.delivery_seq', 17400, true);


--
-- Name: outbox_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.outbox_seq', 17400, true);


--
-- Name: policy_version_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.policy_version_seq', 50, true);


--
-- Name: run_rejection_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.run_rejection_seq', 50, false);


--
-- Name: sync_run_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sync_run_seq', 50, true);


--
-- Name: app_password app_password_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.app_password
    ADD CONSTRAINT app_password_pkey PRIMARY KEY (id);


--
-- Name: audit_checkpoint audit_checkpoint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_checkpoint
    ADD CONSTRAINT audit_checkpoint_pkey PRIMARY KEY (pruned_through_id);


--
-- Name: audit_head audit_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);


--
-- Name: audit_record audit_record_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_record
    ADD CONSTRAINT audit_record_pkey PRIMARY KEY (id);


--
-- Name: audit_retention_floor audit_retention_floor_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_retention_floor
    ADD CONSTRAINT audit_retention_floor_pkey PRIMARY KEY (id);


--
-- Name: delivered_contact delivered_contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivered_contact
    ADD CONSTRAINT delivered_contact_pkey PRIMARY KEY (viewer_id, contact_id);


--
-- Name: delivery delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery
    ADD CONSTRAINT delivery_pkey PRIMARY KEY (id);


--
-- Name: directory_source directory_source_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.directory_source
    ADD CONSTRAINT directory_source_pkey PRIMARY KEY (id);


--
-- Name: employee_group employee_group_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employee_group
    ADD CONSTRAINT employee_group_pkey PRIMARY KEY (employee_id, group_dn);


--
-- Name: employee employee_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.employee
    ADD CONSTRAINT employee_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: outbox outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);


--
-- Name: outbox outbox_run_id_viewer_id_contact_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_run_id_viewer_id_contact_id_key UNIQUE (run_id, viewer_id, contact_id);


--
-- Name: policy_version policy_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy_version
    ADD CONSTRAINT policy_version_pkey PRIMARY KEY (id);


--
-- Name: rejected_read rejected_read_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rejected_read
    ADD CONSTRAINT rejected_read_pkey PRIMARY KEY (employee_id);


--
-- Name: run_rejection run_rejection_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_rejection
    ADD CONSTRAINT run_rejection_pkey PRIMARY KEY (id);


--
-- Name: schedule schedule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schedule
    ADD CONSTRAINT schedule_pkey PRIMARY KEY (source_id);


--
-- Name: self_service self_service_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.self_service
    ADD CONSTRAINT self_service_pkey PRIMARY KEY (employee_id);


--
-- Name: source_record source_record_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.source_record
    ADD CONSTRAINT source_record_pkey PRIMARY KEY (source_id, identity);


--
-- Name: sync_run sync_run_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sync_run
    ADD CONSTRAINT sync_run_pkey PRIMARY KEY (id);


--
-- Name: telegram_account telegram_account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_account
    ADD CONSTRAINT telegram_account_pkey PRIMARY KEY (employee_id);


--
-- Name: telegram_contact telegram_contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_contact
    ADD CONSTRAINT telegram_contact_pkey PRIMARY KEY (viewer_id, contact_id);


--
-- Name: telegram_key telegram_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.telegram_key
    ADD CONSTRAINT telegram_key_pkey PRIMARY KEY (viewer_id, idempotency_key);


--
-- Name: viewer_count viewer_count_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.viewer_count
    ADD CONSTRAINT viewer_count_pkey PRIMARY KEY (only_row);


--
-- Name: viewer_digest viewer_digest_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.viewer_digest
    ADD CONSTRAINT viewer_digest_pkey PRIMARY KEY (viewer_id);


--
-- Name: app_password_employee; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX app_password_employee ON public.app_password USING btree (employee_id);


--
-- Name: app_password_lookup; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX app_password_lookup ON public.app_password USING btree (lookup);


--
-- Name: audit_record_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_record_actor ON public.audit_record USING btree (actor);


--
-- Name: audit_record_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_record_at ON public.audit_record USING btree (at);


--
-- Name: audit_record_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_record_subject ON public.audit_record USING btree (subject);


--
-- Name: delivered_contact_contact; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX delivered_contact_contact ON public.delivered_contact USING btree (contact_id);


--
-- Name: delivery_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX delivery_run ON public.delivery USING btree (run_id);


--
-- Name: delivery_viewer; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX delivery_viewer ON public.delivery USING btree (viewer_id, id);


--
-- Name: employee_department; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_department ON public.employee USING btree (department);


--
-- Name: employee_gone_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_gone_at ON public.employee USING btree (gone_at) WHERE ((status)::text = 'GONE'::text);


--
-- Name: employee_group_dn; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_group_dn ON public.employee_group USING btree (group_dn);


--
-- Name: employee_in_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_in_scope ON public.employee USING btree (in_scope, id);


--
-- Name: employee_location; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_location ON public.employee USING btree (location);


--
-- Name: employee_manager_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_manager_key ON public.employee USING btree (manager_key);


--
-- Name: employee_reference_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX employee_reference_key ON public.employee USING btree (reference_key);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: outbox_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX outbox_pending ON public.outbox USING btree (run_id, state, viewer_id, id);


--
-- Name: policy_version_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX policy_version_status ON public.policy_version USING btree (status, id);


--
-- Name: run_rejection_run; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX run_rejection_run ON public.run_rejection USING btree (run_id, id);


--
-- Name: source_record_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX source_record_key ON public.source_record USING btree (merge_key);


--
-- Name: source_record_seen; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX source_record_seen ON public.source_record USING btree (source_id, seen_run);


--
-- Name: sync_run_one_active; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX sync_run_one_active ON public.sync_run USING btree ((true)) WHERE ((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'RUNNING'::character varying])::text[]));


--
-- Name: sync_run_scheduled_for; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX sync_run_scheduled_for ON public.sync_run USING btree (scheduled_for);


--
-- Name: telegram_contact_pending; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX telegram_contact_pending ON public.telegram_contact USING btree (viewer_id) WHERE ((state)::text = 'PENDING_RETRY'::text);


--
-- Name: employee employee_viewers_deleted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER employee_viewers_deleted AFTER DELETE ON public.employee REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION public.viewer_count_deleted();


--
-- Name: employee employee_viewers_flipped; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER employee_viewers_flipped AFTER UPDATE OF in_scope ON public.employee FOR EACH ROW WHEN ((old.in_scope IS DISTINCT FROM new.in_scope)) EXECUTE FUNCTION public.viewer_count_flipped();


--
-- Name: employee employee_viewers_inserted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER employee_viewers_inserted AFTER INSERT ON public.employee REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION public.viewer_count_inserted();


--
-- Name: employee employee_viewers_truncated; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER employee_viewers_truncated AFTER TRUNCATE ON public.employee FOR EACH STATEMENT EXECUTE FUNCTION public.viewer_count_truncated();


--
-- Name: run_rejection run_rejection_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.run_rejection
    ADD CONSTRAINT run_rejection_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.sync_run(id);


--
-- PostgreSQL database dump complete
--

\unrestrict LXdNwBxodsN0yjDoLS1sHAtfpIlPiKhT1ordzEH1NB03qBdfDm6eCdXJgkoXWVb

