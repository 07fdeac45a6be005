//! Translated labels for the values the data and the filters use. Kept in one place so the
//! catalog facets, chips and the product page always name a thing the same way.

use crate::i18n::*;
use leptos_i18n::I18nContext;
use ocop_core::catalog::{PriceBand, StarFilter};
use ocop_core::model::{OnlineChannel, PriceKind, ProducerType, ProductGroup};
use ocop_core::where_to_buy::OnSite;

pub type I18n = I18nContext<Locale>;

pub fn group(i18n: I18n, group: ProductGroup) -> String {
    match group {
        ProductGroup::Food => t_string!(i18n, group_food),
        ProductGroup::Beverage => t_string!(i18n, group_beverage),
        ProductGroup::Herbal => t_string!(i18n, group_herbal),
        ProductGroup::Textile => t_string!(i18n, group_textile),
        ProductGroup::Souvenir => t_string!(i18n, group_souvenir),
        ProductGroup::RuralTourism => t_string!(i18n, group_rural_tourism),
    }
    .to_string()
}

pub fn subcategory(i18n: I18n, key: &str) -> String {
    match key {
        "seafood" => t_string!(i18n, sub_seafood),
        "meat" => t_string!(i18n, sub_meat),
        "eggs" => t_string!(i18n, sub_eggs),
        "fruit" => t_string!(i18n, sub_fruit),
        "vegetable" => t_string!(i18n, sub_vegetable),
        "rice_noodles" => t_string!(i18n, sub_rice_noodles),
        "mushroom" => t_string!(i18n, sub_mushroom),
        "honey" => t_string!(i18n, sub_honey),
        "cooking_oil" => t_string!(i18n, sub_cooking_oil),
        "condiment" => t_string!(i18n, sub_condiment),
        "tea" => t_string!(i18n, sub_tea),
        "liquor" => t_string!(i18n, sub_liquor),
        "mineral_water" => t_string!(i18n, sub_mineral_water),
        "soft_drink" => t_string!(i18n, sub_soft_drink),
        "herbal" => t_string!(i18n, sub_herbal),
        "essential_oil" => t_string!(i18n, sub_essential_oil),
        "flowers" => t_string!(i18n, sub_flowers),
        "jewellery" => t_string!(i18n, sub_jewellery),
        "handicraft" => t_string!(i18n, sub_handicraft),
        "confectionery" => t_string!(i18n, sub_confectionery),
        "spice" => t_string!(i18n, sub_spice),
        _ => t_string!(i18n, sub_other),
    }
    .to_string()
}

pub fn star_filter(i18n: I18n, stars: StarFilter) -> String {
    match stars {
        StarFilter::Five => t_string!(i18n, stars_filter_5),
        StarFilter::Four => t_string!(i18n, stars_filter_4),
        StarFilter::Three => t_string!(i18n, stars_filter_3),
        StarFilter::Unpublished => t_string!(i18n, stars_filter_unpublished),
    }
    .to_string()
}

pub fn price_band(i18n: I18n, band: PriceBand) -> String {
    match band {
        PriceBand::Under100k => t_string!(i18n, price_lt100k),
        PriceBand::From100kTo500k => t_string!(i18n, price_100k_500k),
        PriceBand::From500kTo2m => t_string!(i18n, price_500k_2m),
        PriceBand::Over2m => t_string!(i18n, price_gt2m),
    }
    .to_string()
}

pub fn producer_type(i18n: I18n, kind: ProducerType) -> String {
    match kind {
        ProducerType::Company => t_string!(i18n, ptype_company),
        ProducerType::Cooperative => t_string!(i18n, ptype_cooperative),
        ProducerType::Household => t_string!(i18n, ptype_household),
    }
    .to_string()
}

pub fn channel(i18n: I18n, channel: OnlineChannel) -> String {
    match channel {
        OnlineChannel::Voso => t_string!(i18n, channel_voso),
        OnlineChannel::Postmart => t_string!(i18n, channel_postmart),
        OnlineChannel::ProvincialExchange => t_string!(i18n, channel_provincial_exchange),
        OnlineChannel::Shopee => t_string!(i18n, channel_shopee),
        OnlineChannel::Tiki => t_string!(i18n, channel_tiki),
        OnlineChannel::Lazada => t_string!(i18n, channel_lazada),
        OnlineChannel::Sendo => t_string!(i18n, channel_sendo),
        OnlineChannel::ProducerSite => t_string!(i18n, channel_producer_site),
    }
    .to_string()
}

pub fn price_kind(i18n: I18n, kind: PriceKind) -> String {
    match kind {
        PriceKind::Retail => t_string!(i18n, price_kind_retail),
        PriceKind::Producer => t_string!(i18n, price_kind_producer),
        PriceKind::FarmGate => t_string!(i18n, price_kind_farm_gate),
        PriceKind::Restaurant => t_string!(i18n, price_kind_restaurant),
    }
    .to_string()
}

pub fn month(i18n: I18n, month: u8) -> String {
    match month {
        1 => t_string!(i18n, month_1),
        2 => t_string!(i18n, month_2),
        3 => t_string!(i18n, month_3),
        4 => t_string!(i18n, month_4),
        5 => t_string!(i18n, month_5),
        6 => t_string!(i18n, month_6),
        7 => t_string!(i18n, month_7),
        8 => t_string!(i18n, month_8),
        9 => t_string!(i18n, month_9),
        10 => t_string!(i18n, month_10),
        11 => t_string!(i18n, month_11),
        _ => t_string!(i18n, month_12),
    }
    .to_string()
}

/// The map's marker kinds (`ocop_core::places::PlaceKind::key`).
pub fn place_kind(i18n: I18n, key: &str) -> String {
    match key {
        "eco_tourism" => t_string!(i18n, kind_eco_tourism),
        "farm" => t_string!(i18n, kind_farm),
        "village" => t_string!(i18n, kind_village),
        "heritage" => t_string!(i18n, kind_heritage),
        "festival" => t_string!(i18n, kind_festival),
        "market" => t_string!(i18n, kind_market),
        _ => t_string!(i18n, kind_sales_point),
    }
    .to_string()
}

/// How a place has the product, in the visitor's words.
pub fn on_site(i18n: I18n, how: OnSite) -> String {
    match how {
        OnSite::Stocked => t_string!(i18n, buy_how_stocked),
        OnSite::Grown => t_string!(i18n, buy_how_grown),
        OnSite::Made => t_string!(i18n, buy_how_made),
        OnSite::Sold => t_string!(i18n, buy_how_sold),
        OnSite::AtFestival => t_string!(i18n, buy_how_festival),
        OnSite::InTheArea => t_string!(i18n, buy_how_area),
    }
    .to_string()
}
