package org.sn1gateway.app.api;

import java.util.List;

/**
 * What the operator's limits read of a chat request, whatever API it came through. The request may be
 * otherwise invalid while it is checked, so any of these may be null, as may the texts in the list.
 */
public interface LimitedRequest {
    List<String> messageTexts();

    Integer k();

    List<Integer> uids();

    Double timeout();
}
