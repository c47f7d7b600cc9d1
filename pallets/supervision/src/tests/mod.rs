mod answers;
mod cases;
mod freezes;
mod inspections;
mod measures;
mod plans;
mod queries;
mod repair;
