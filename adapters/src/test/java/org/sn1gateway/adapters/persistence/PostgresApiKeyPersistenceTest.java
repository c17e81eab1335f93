package org.sn1gateway.adapters.persistence;

import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresApiKeyPersistenceTest extends ApiKeyPersistenceContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
