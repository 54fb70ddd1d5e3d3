package org.roster.source.ldap;

import java.util.function.Consumer;
import java.util.logging.Logger;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;

/**
 * Reads employees from an LDAP directory (OpenLDAP, 389-DS, Active Directory) with the UnboundID
 * LDAP SDK: a subtree search under the base DN with the simple paged results control (RFC 2696),
 * asking only for the mapped attributes, handing each entry on as it arrives.
 *
 * <pre>{@code
 * DirectorySource source = new LdapDirectorySource(config);
 * source.readAll(entry -> pipeline.accept(entry));
 * }</pre>
 */
public final class LdapDirectorySource implements DirectorySource {

    private static final Logger LOG = Logger.getLogger(LdapDirectorySource.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int RESPONSE_TIMEOUT_MILLIS = 60_000;

    private final LdapSourceConfig config;

    public LdapDirectorySource(LdapSourceConfig config) {
        this.config = config;
    }

    public LdapSourceConfig config() {
        return config;
    }

    @Override
    public ReadSummary readAll(Consumer<DirectoryEntry> sink) {
        long[] handed = {0};
        try (LDAPConnection connection = connect()) {
            SearchResultListener listener = new SearchResultListener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void searchEntryReturned(SearchResultEntry entry) {
                    sink.accept(toDirectoryEntry(entry));
                    handed[0]++;
                }

                @Override
                public void searchReferenceReturned(SearchResultReference reference) {
                    // referrals are not followed: a source reads one directory
                }
            };
            SearchRequest request = new SearchRequest(listener, config.baseDn().toString(), SearchScope.SUB,
                    config.filter(), config.requestedAttributes());
            request.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
            ASN1OctetString cookie = null;
            do {
                request.setControls(new SimplePagedResultsControl(config.pageSize(), cookie, true));
                SearchResult result = connection.search(request);
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    return ReadSummary.incomplete(handed[0], "the search ended with " + result.getResultCode());
                }
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response == null ? null : response.getCookie();
            } while (cookie != null && cookie.getValueLength() > 0);
            return ReadSummary.complete(handed[0]);
        } catch (LDAPException e) {
            LOG.warning(() -> "LDAP read of " + config.url() + " stopped after " + handed[0] + " entries: "
                    + e.getResultCode());
            return ReadSummary.incomplete(handed[0], describe(e));
        }
    }

    @Override
    public void checkReachable() throws DirectoryUnavailableException {
        try (LDAPConnection connection = connect()) {
            if (connection.getEntry(config.baseDn().toString(), "1.1") == null) {
                throw new DirectoryUnavailableException("the base DN " + config.baseDn() + " does not exist", null);
            }
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException(describe(e), e);
        }
    }

    private LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
        options.setFollowReferrals(false);
        LDAPConnection connection;
        if ("ldaps".equals(config.url().getScheme())) {
            try {
                SSLUtil ssl = new SSLUtil(new TrustStoreTrustManager(
                        System.getProperty("javax.net.ssl.trustStore", defaultTrustStore())));
                connection = new LDAPConnection(ssl.createSSLSocketFactory(), options);
            } catch (java.security.GeneralSecurityException e) {
                throw new LDAPException(ResultCode.CONNECT_ERROR, "can't set up TLS: " + e.getMessage(), e);
            }
        } else {
            connection = new LDAPConnection(options);
        }
        try {
            connection.connect(config.url().getHost(), config.url().getPort(), CONNECT_TIMEOUT_MILLIS);
            if (!config.bindDn().isEmpty()) {
                char[] password = config.password().reveal();
                try {
                    BindRequest bind = new SimpleBindRequest(config.bindDn(), new String(password), new Control[0]);
                    connection.bind(bind);
                } finally {
                    java.util.Arrays.fill(password, '\0');
                }
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    private DirectoryEntry toDirectoryEntry(SearchResultEntry entry) {
        DirectoryEntry.Builder builder = DirectoryEntry.builder(entry.getDN());
        String[] ids = entry.getAttributeValues(config.idAttribute());
        if (ids != null) {
            for (String id : ids) {
                builder.id(id);
            }
        }
        for (AttributeMapper mapper : config.mappers()) {
            mapper.map(entry, builder);
        }
        config.groupAttribute().map(entry::getAttributeValues).ifPresent(groups -> {
            for (String group : groups) {
                builder.group(group);
            }
        });
        return builder.build();
    }

    private String describe(LDAPException e) {
        String where = config.url().getHost() + ":" + config.url().getPort();
        return switch (e.getResultCode().intValue()) {
            case 49 -> "the bind as " + config.bindDn() + " was refused: invalid credentials";
            case 32 -> "the base DN " + config.baseDn() + " does not exist on " + where;
            case 91 -> "can't connect to " + where + ": " + e.getExceptionMessage();
            default -> "LDAP error " + e.getResultCode() + " from " + where + ": " + e.getExceptionMessage();
        };
    }

    private static String defaultTrustStore() {
        return System.getProperty("java.home") + "/lib/security/cacerts";
    }
}
