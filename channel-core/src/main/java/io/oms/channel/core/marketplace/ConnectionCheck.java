package io.oms.channel.core.marketplace;

/**
 * @param connectedAs who the credentials belong to (user, shop), when the check succeeded
 * @param error       the marketplace's error in words, when it did not
 */
public record ConnectionCheck(boolean success, String connectedAs, String error) {

    public static ConnectionCheck success(String connectedAs) {
        return new ConnectionCheck(true, connectedAs, null);
    }

    public static ConnectionCheck failure(String error) {
        return new ConnectionCheck(false, null, error);
    }
}
