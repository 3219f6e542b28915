//! Validating a valid row costs no heap allocation (counted by a wrapping global allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use dataverse_model::{Operation, Page};
use dataverse_model_tests::session::{SalesSession, Session};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const PAGE: &str = include_str!("../fixtures/sessions.page.json");

fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    f();
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

#[test]
fn validating_valid_rows_does_not_allocate() {
    let sales: Page<SalesSession> = serde_json::from_str(PAGE).unwrap();
    let base: Page<Session> = serde_json::from_str(PAGE).unwrap();
    let (clean_sales, clean_base) = (&sales.value[0], &base.value[0]);
    let count = allocations_of(|| {
        for _ in 0..100 {
            assert!(clean_sales.validate(Operation::Create).is_ok());
            assert!(clean_sales.validate(Operation::Update).is_ok());
            assert!(clean_base.validate(Operation::Create).is_ok());
        }
    });
    assert_eq!(count, 0);
    // an invalid row does allocate its errors, so the counter does count
    let broken = &sales.value[2];
    assert!(allocations_of(|| assert!(broken.validate(Operation::Create).is_err())) > 0);
}
