package org.sn1gateway.adapters.persistence;

import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2UsageLedgerTest extends UsageLedgerContract {
    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
