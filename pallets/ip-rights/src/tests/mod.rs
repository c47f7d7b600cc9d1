mod disputes;
mod licensing;
mod queries;
mod registration;
mod supervision;
mod transfers;
