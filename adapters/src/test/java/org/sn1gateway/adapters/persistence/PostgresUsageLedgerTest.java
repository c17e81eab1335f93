package org.sn1gateway.adapters.persistence;

import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresUsageLedgerTest extends UsageLedgerContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
