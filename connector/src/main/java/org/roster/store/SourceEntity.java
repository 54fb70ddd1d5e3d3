package org.roster.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A directory source an admin added through the API. {@code settings} is a JSON object of its
 * settings, which hold no secrets; {@code secrets} is one value sealed by {@link SecretBox}.
 */
@Entity
@Table(name = "directory_source")
public class SourceEntity {

    @Id @Column(name = "id", length = 64) private String id;
    @Column(name = "kind", length = 16, nullable = false) private String kind;
    @Column(name = "display_name", length = 256, nullable = false) private String displayName;
    @Column(name = "precedence", nullable = false) private int precedence;
    @Column(name = "enabled", nullable = false) private boolean enabled;
    @Column(name = "settings", columnDefinition = "text", nullable = false) private String settings;
    @Column(name = "secrets", columnDefinition = "text") private String secrets;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", length = 256, nullable = false) private String updatedBy;
    @Version @Column(name = "version", nullable = false) private int version;

    protected SourceEntity() {
    }

    public SourceEntity(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
    }

    /** Takes a new description of the source. */
    public void set(String kind, String displayName, int precedence, boolean enabled, String settings,
                    String secrets, String actor, Instant now) {
        this.kind = kind;
        this.displayName = displayName;
        this.precedence = precedence;
        this.enabled = enabled;
        this.settings = settings;
        this.secrets = secrets;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    public String getId() { return id; }
    public String getKind() { return kind; }
    public String getDisplayName() { return displayName; }
    public int getPrecedence() { return precedence; }
    public boolean isEnabled() { return enabled; }
    public String getSettings() { return settings; }
    public String getSecrets() { return secrets; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public int getVersion() { return version; }
}
