//! The bench code runs once at a tiny size, so it keeps working. Nothing
//! about time is asserted: `kiosk bench` prints the figures.

#[test]
fn the_bench_measures_every_figure() {
    let reports = kiosk::tools::bench::run(&[12], 1);
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(r.profiles, 12);
    for f in [
        &r.load_and_validate_ms,
        &r.image_prepare_per_image_ms,
        &r.cold_fill_total_ms,
        &r.cold_fill_per_image_ms,
        &r.image_prepare_warm_ms,
        &r.start_to_gallery_ms,
        &r.frame_gallery_scroll_us,
        &r.frame_timeline_pan_us,
        &r.frame_detail_us,
        &r.search_index_build_ms,
        &r.search_per_key_us,
        &r.image_full_decode_ms,
        &r.image_scaled_decode_ms,
    ] {
        assert!(
            f.median.is_finite() && f.min <= f.median && f.median <= f.max,
            "{f:?}"
        );
    }
    assert_ne!(
        r.frames_from_touch_to_screen,
        usize::MAX,
        "the tap on a card never opened it"
    );
    assert!(r.peak_rss_mb > 0.0);
    let table = kiosk::tools::bench::table(&reports);
    assert!(
        table.contains("| 12 profiles |") && table.lines().count() == 17,
        "{table}"
    );
}

#[test]
fn the_bench_measures_a_year_of_visitors() {
    let year = kiosk::tools::bench::year::measure(2000, 1);
    assert_eq!(year.sessions, 2000);
    assert!(year.write_s > 0.0 && year.database_mb > 0.0, "{year:?}");
    assert!(year.report_ms.median.is_finite());
    let table = kiosk::tools::bench::year_table(&year);
    assert!(
        table.contains("2000 visits") && table.lines().count() == 5,
        "{table}"
    );
}
