use dataverse_model::query::{Many, Navigation, One};
use dataverse_model::{dataverse_entity, Field, Guid};

#[dataverse_entity(logical_name = "task", entity_set = "tasks", primary_id = "activityid")]
pub struct Task {
    pub activityid: Option<Guid>,
    pub subject: Field<String>,
}

#[dataverse_entity(logical_name = "account", entity_set = "accounts", primary_id = "accountid")]
pub struct Account {
    pub accountid: Option<Guid>,
    pub name: Field<String>,
}

const TASKS: Navigation<Account, Task, Many> = Navigation::new("Account_Tasks");
const OWNER: Navigation<Task, Account, One> = Navigation::new("ownerid");

fn main() {
    // inside `any`, a condition on the task's own handle would lose its `o/`
    let _ = TASKS.any(|_task| Task::COLUMNS.subject.eq("x"));
    // a query function names a column of the queried table, not one through a navigation
    let _ = OWNER.column(Account::COLUMNS.name).is_in(["a"]);
}
