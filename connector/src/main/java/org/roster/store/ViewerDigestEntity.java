package org.roster.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The digest of a viewer's contact set as last planned (see {@link org.roster.sync.ViewerDigest}). */
@Entity
@Table(name = "viewer_digest")
public class ViewerDigestEntity {

    @Id
    @Column(name = "viewer_id", length = 256) private String viewerId;
    @Column(name = "digest", length = 64, nullable = false) private String digest;
    @Column(name = "contacts", nullable = false) private int contacts;
    @Column(name = "run_id", nullable = false) private long runId;

    protected ViewerDigestEntity() {
    }

    ViewerDigestEntity(String viewerId) {
        this.viewerId = viewerId;
    }

    void set(String digest, int contacts, long runId) {
        this.digest = digest;
        this.contacts = contacts;
        this.runId = runId;
    }

    public String getDigest() { return digest; }
}
