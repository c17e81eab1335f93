package org.sn1gateway.adapters.persistence;

import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresJdbiQueryLogTest extends JdbiQueryLogContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
