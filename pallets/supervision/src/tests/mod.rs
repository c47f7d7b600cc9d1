mod answers;
mod cases;
mod freezes;
mod inspections;
mod measures;
mod queries;
mod repair;
