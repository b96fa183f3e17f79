-- Carriers a shipment may name; the template's {trackingNumber} is replaced to make the tracking URL.
create table carrier (
    code                  varchar(50)  primary key,
    name                  varchar(200) not null,
    tracking_url_template varchar(500)
);

insert into carrier (code, name, tracking_url_template) values
    ('dhl',          'DHL',               'https://www.dhl.com/global-en/home/tracking/tracking-parcel.html?tracking-id={trackingNumber}'),
    ('dhl-express',  'DHL Express',       'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={trackingNumber}'),
    ('deutsche-post','Deutsche Post',     'https://www.deutschepost.de/sendung/simpleQuery.html?form.sendungsnummer={trackingNumber}'),
    ('dpd',          'DPD',               'https://tracking.dpd.de/status/en_US/parcel/{trackingNumber}'),
    ('gls',          'GLS',               'https://gls-group.com/track/{trackingNumber}'),
    ('hermes',       'Hermes',            'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#{trackingNumber}'),
    ('ups',          'UPS',               'https://www.ups.com/track?tracknum={trackingNumber}'),
    ('fedex',        'FedEx',             'https://www.fedex.com/fedextrack/?trknbr={trackingNumber}'),
    ('usps',         'USPS',              'https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}'),
    ('royal-mail',   'Royal Mail',        'https://www.royalmail.com/track-your-item#/tracking-results/{trackingNumber}'),
    ('canada-post',  'Canada Post',       'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={trackingNumber}'),
    ('australia-post','Australia Post',   'https://auspost.com.au/mypost/track/#/details/{trackingNumber}'),
    ('post-nl',      'PostNL',            'https://jouw.postnl.nl/track-and-trace/{trackingNumber}'),
    ('austrian-post','Österreichische Post','https://www.post.at/s/sendungsdetails?snr={trackingNumber}'),
    ('swiss-post',   'Swiss Post',        'https://service.post.ch/ekp-web/ui/entry/shipping/1?parcelId={trackingNumber}'),
    ('other',        'Other',             null);

-- How a channel takes shipments. Etsy: one tracking code per receipt, so one shipment with every line.
create table channel_shipment_rule (
    channel                 varchar(32) primary key,
    whole_order_only        boolean     not null,
    max_shipments_per_order int,
    reason                  varchar(500) not null
);

insert into channel_shipment_rule (channel, whole_order_only, max_shipments_per_order, reason) values
    ('etsy',    true,  1,    'Etsy takes exactly one shipment (one tracking code) per receipt, covering every line of the order'),
    ('shopify', false, null, 'Shopify fulfils per line: any number of shipments, each with some of the lines');

-- The marketplace's shipping method (as the order names it) maps to a carrier and its service.
create table shipping_method_mapping (
    channel         varchar(32)  not null,
    shipping_method varchar(200) not null,
    carrier_code    varchar(50)  not null references carrier (code),
    service         varchar(200),
    primary key (channel, shipping_method)
);
