package io.oms.sandbox.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

/** Realistic-looking sample data: people, addresses, products. Seeded, so runs are reproducible per seed. */
public final class Generator {

    private static final List<String> FIRST = List.of("Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Elias",
            "Sophia", "Jonas", "Charlotte", "Mateo", "Amelia", "Leon", "Harper", "Finn", "Ines", "Hugo", "Chloé", "Luca",
            "Zoë", "Aarav", "Yuki", "Fatima", "Sven", "Björn", "Ana", "João", "Maëlle", "Oskar");
    private static final List<String> LAST = List.of("Smith", "Müller", "García", "Johnson", "Rossi", "Dubois", "Jansen",
            "Nowak", "Schmidt", "Brown", "Martin", "Silva", "Kowalski", "Andersson", "O'Brien", "Nguyen", "Tanaka",
            "Fischer", "Weber", "López", "Moreau", "De Vries", "Wilson", "Taylor", "Hansen", "Novák", "Costa", "Ivanova");

    /** A postal address in one country. */
    public record Address(String firstLine, String secondLine, String city, String state, String zip,
                          String countryIso, String countryName) {
    }

    private record Place(String city, String state, String zipPattern, String iso, String country, String currency) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("Portland", "OR", "972##", "US", "United States", "USD"),
            new Place("Austin", "TX", "787##", "US", "United States", "USD"),
            new Place("Brooklyn", "NY", "112##", "US", "United States", "USD"),
            new Place("Berlin", null, "10###", "DE", "Germany", "EUR"),
            new Place("München", "BY", "80###", "DE", "Germany", "EUR"),
            new Place("Lyon", null, "690##", "FR", "France", "EUR"),
            new Place("Amsterdam", null, "10## AB", "NL", "Netherlands", "EUR"),
            new Place("Manchester", null, "M# #AB", "GB", "United Kingdom", "GBP"),
            new Place("Toronto", "ON", "M#A #B#", "CA", "Canada", "CAD"),
            new Place("Melbourne", "VIC", "30##", "AU", "Australia", "AUD"));
    private static final List<String> STREETS = List.of("Maple Street", "Hauptstraße", "Rue de la Paix", "High Street",
            "Keizersgracht", "Oak Avenue", "Elm Road", "Queen Street", "Bahnhofstraße", "Church Lane");

    private static final List<String> PRODUCT_NOUNS = List.of("Mug", "Necklace", "Tote Bag", "Print", "Candle",
            "Scarf", "Earrings", "Notebook", "Planter", "Blanket", "Poster", "Ring", "Coaster Set", "Apron", "Keychain");
    private static final List<String> PRODUCT_ADJ = List.of("Handmade Ceramic", "Personalized", "Minimalist",
            "Vintage", "Hand-knitted", "Botanical", "Rustic", "Sterling Silver", "Watercolor", "Linen", "Boho");
    /** Shipping methods a buyer chose, as shops name them: some name a carrier, one does not. */
    private static final List<String> SHIPPING_METHODS = List.of("Standard Shipping", "DHL Paket", "UPS Express");

    /** The buyer's shipping method of an order, fixed by its id (so that seeded orders stay what they were). */
    public static String shippingMethod(long orderId) {
        return SHIPPING_METHODS.get((int) Math.floorMod(orderId, (long) SHIPPING_METHODS.size()));
    }

    public static final List<String> COLORS = List.of("Black", "White", "Sage", "Terracotta", "Navy", "Mustard");
    public static final List<String> SIZES = List.of("S", "M", "L", "XL");
    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "AUD");

    private final Random random;

    public Generator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public int between(int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }

    public <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    public String firstName() {
        return pick(FIRST);
    }

    public String lastName() {
        return pick(LAST);
    }

    public String email(String first, String last) {
        String local = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "");
        return local + between(1, 999) + "@" + pick(List.of("example.com", "example.org", "example.net"));
    }

    public Address address() {
        Place p = pick(PLACES);
        String second = random.nextInt(4) == 0 ? "Apt " + between(1, 40) : null;
        return new Address(between(1, 250) + " " + pick(STREETS), second, p.city(), p.state(), zip(p.zipPattern()),
                p.iso(), p.country());
    }

    public String currencyFor(String countryIso) {
        return PLACES.stream().filter(p -> p.iso().equals(countryIso)).findFirst().map(Place::currency).orElse("USD");
    }

    private String zip(String pattern) {
        StringBuilder b = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            b.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return b.toString();
    }

    public String productTitle() {
        return pick(PRODUCT_ADJ) + " " + pick(PRODUCT_NOUNS);
    }

    /** A price between 8 and 120 with two decimals. */
    public BigDecimal price() {
        return BigDecimal.valueOf(between(800, 12000)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    public String sku(String prefix, int n) {
        return prefix + "-" + String.format("%05d", n);
    }

    public String trackingCode() {
        return "1Z" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase();
    }
}
