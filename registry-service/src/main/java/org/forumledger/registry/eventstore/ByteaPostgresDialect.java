package org.forumledger.registry.eventstore;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * Stores Axon's {@code @Lob} payload and metadata columns as {@code bytea}. PostgreSQL's default
 * mapping makes each one a large object ({@code oid}): unreadable in SQL and never vacuumed.
 */
public class ByteaPostgresDialect extends PostgreSQLDialect {

  @Override
  protected String columnType(int sqlTypeCode) {
    return sqlTypeCode == Types.BLOB ? "bytea" : super.columnType(sqlTypeCode);
  }

  @Override
  public void contributeTypes(
      TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
    super.contributeTypes(typeContributions, serviceRegistry);
    typeContributions
        .getTypeConfiguration()
        .getJdbcTypeRegistry()
        .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
  }
}
